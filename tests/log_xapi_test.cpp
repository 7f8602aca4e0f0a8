// Every statement of the safe and the raw xAPI export validates with the npm package xapi-validation (an
// independent validator of xAPI 1.0.3 statements), including statements that name an activity by id only.
// The package is installed into the build tree like ajv for tests/schema_test.sh; without node and npm, or
// without the npm registry, the test is skipped.

#include "log/export.h"
#include "log_test_helpers.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

namespace {

using sb::test::ItemAnswers;
using sb::test::kDontKnow;
using sb::test::StudentSession;

bool Shell(const std::string& command) {
    return std::system(command.c_str()) == 0;
}

class Xapi : public sb::test::LogFolderTest {};

TEST_F(Xapi, EveryStatementValidatesWithXapiValidation) {
    if (!Shell("command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1")) {
        GTEST_SKIP() << "node and npm are not installed (apt-get install nodejs npm)";
    }
    const std::string cache = std::string(STAGEBOOST_BINARY_DIR) + "/xapi-validation";
    if (!std::filesystem::exists(cache + "/node_modules/xapi-validation") &&
        !Shell("mkdir -p '" + cache + "' && npm install --prefix '" + cache +
               "' --no-audit --no-fund --loglevel=error xapi-validation@2 >'" + cache +
               "/npm-install.log' 2>&1")) {
        GTEST_SKIP() << "npm could not install xapi-validation (is the npm registry reachable?)";
    }
    std::vector<StudentSession> sessions;
    for (int i = 0; i < 23; ++i) {
        StudentSession s;
        s.kiosk = i % 2 ? "lokaal-1" : "studiecentrum-zuid";
        s.module = i % 3 ? "rollenspel" : "";
        s.items = {ItemAnswers{"durf", 1 + i % 5, i % 7 ? 4 : kDontKnow, 2},
                   ItemAnswers{"vragen_stellen", 2, 3}};
        sessions.push_back(s);
    }
    sb::test::WriteLog(PathOf("log.sqlite"), sessions);
    sb::XapiOptions options;
    options.include_dont_know = true;
    options.home_page = "https://school.example/kiosk/{kiosk}";
    {
        std::ofstream safe(PathOf("safe.json"));
        EXPECT_GT(sb::ExportXapi({PathOf("log.sqlite")}, {}, options, safe).written, 10u);
        std::ofstream raw(PathOf("raw.json"));
        EXPECT_EQ(sb::ExportRawXapi({PathOf("log.sqlite")}, {}, options, raw).written, 23u * 5u);
    }
    const std::string script = PathOf("validate.js");
    std::ofstream(script) << R"(
const validate = require(process.argv[2] + "/node_modules/xapi-validation").default;
const statements = JSON.parse(require("fs").readFileSync(process.argv[3], "utf8"));
let bad = 0;
for (const s of statements) {
    const warnings = validate(s);
    if (warnings.length) { if (bad++ < 3) console.log(JSON.stringify(warnings).slice(0, 800)); }
}
// The validator must see a broken statement as broken, or this test proves nothing.
if (validate({ id: "not-a-uuid", actor: {}, verb: {} }).length === 0) { console.log("validator accepts anything"); bad++; }
console.log(statements.length + " statements, " + bad + " invalid");
process.exit(bad === 0 && statements.length > 0 ? 0 : 1);
)";
    for (const char* file : {"safe.json", "raw.json"}) {
        EXPECT_TRUE(Shell("node '" + script + "' '" + cache + "' '" + PathOf(file) + "'")) << file;
    }
}

} // namespace
