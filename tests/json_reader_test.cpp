// The shared positioned JSON reader (core/json_reader.h): each field kind, required and optional fields,
// unknown-field warnings with a suggestion, texts in nl/en, and every problem at file:line:col with its
// JSON pointer, in Dutch and English.
#include "core/json_reader.h"

#include <gtest/gtest.h>

#include <string>

namespace {

struct Parsed {
    sb::Diagnostics diags;
    sb::JsonSource src;
    explicit Parsed(const std::string& text) { src = sb::ParseJsonText(text, "f.json", {}, diags); }
};

const sb::Diagnostic* Find(const sb::Diagnostics& d, const std::string& code, const std::string& pointer) {
    for (const auto& x : d.List())
        if (x.code == code && x.pointer == pointer) return &x;
    return nullptr;
}

} // namespace

TEST(JsonReader, ReadsEachKindAndKeepsDefaultsWhenAbsent) {
    Parsed p("{\n  \"s\": \"tekst\",\n  \"b\": true,\n  \"n\": 42,\n  \"l\": [\"a\", \"b\"],\n  \"c\": "
             "\"en\"\n}\n");
    ASSERT_TRUE(p.src.ok);
    sb::JsonReader r(p.src, p.diags);
    std::string s = "default", absent = "keep";
    bool b = false;
    int n = 0, m = 7;
    std::vector<std::string> l;
    size_t c = 9;
    EXPECT_TRUE(r.Read(p.src.root, "", "s", s));
    EXPECT_FALSE(r.Read(p.src.root, "", "nope", absent));
    EXPECT_TRUE(r.Read(p.src.root, "", "b", b));
    EXPECT_TRUE(r.ReadInt(p.src.root, "", "n", 0, 100, n));
    EXPECT_FALSE(r.ReadInt(p.src.root, "", "m", 0, 100, m));
    EXPECT_TRUE(r.Read(p.src.root, "", "l", l));
    EXPECT_TRUE(r.ReadChoice(p.src.root, "", "c", {"nl", "en"}, c));
    EXPECT_EQ(s, "tekst");
    EXPECT_EQ(absent, "keep");
    EXPECT_TRUE(b);
    EXPECT_EQ(n, 42);
    EXPECT_EQ(m, 7);
    EXPECT_EQ(l, (std::vector<std::string>{"a", "b"}));
    EXPECT_EQ(c, 1u);
    EXPECT_TRUE(p.diags.List().empty()) << sb::FormatDiagnostic(p.diags.List()[0], "en");
}

TEST(JsonReader, RequiredFieldMissingIsReportedAtItsObject) {
    Parsed p("{\n  \"items\": [\n    {\"x\": 1}\n  ]\n}\n");
    sb::JsonReader r(p.src, p.diags);
    const auto& item = p.src.root["items"][0];
    EXPECT_EQ(r.Str(item, "/items/0", "id", true, sb::JsonKind::Id), "");
    const sb::Diagnostic* d = Find(p.diags, "missing-field", "/items/0");
    ASSERT_NE(d, nullptr);
    EXPECT_EQ(d->severity, sb::Severity::Error);
    EXPECT_EQ(d->file, "f.json");
    EXPECT_EQ(d->line, 3);
    EXPECT_EQ(d->column, 5);
    EXPECT_NE(d->message_en.find("\"id\" is missing. Add it"), std::string::npos) << d->message_en;
    EXPECT_NE(d->message_nl.find("\"id\" ontbreekt. Voeg het toe"), std::string::npos) << d->message_nl;
    EXPECT_EQ(sb::FormatDiagnostic(*d, "en").rfind("f.json:3:5: error: ", 0), 0u)
        << sb::FormatDiagnostic(*d, "en");
}

TEST(JsonReader, WrongTypeSaysWhatItIsAndWhatItShouldBe) {
    Parsed p("{\n  \"count\": \"five\",\n  \"flag\": 1\n}\n");
    sb::JsonReader r(p.src, p.diags);
    int count = 3;
    bool flag = false;
    EXPECT_FALSE(r.ReadInt(p.src.root, "", "count", 0, 10, count));
    EXPECT_FALSE(r.Read(p.src.root, "", "flag", flag));
    EXPECT_EQ(count, 3);
    const sb::Diagnostic* d = Find(p.diags, "wrong-type", "/count");
    ASSERT_NE(d, nullptr);
    EXPECT_EQ(d->line, 2);
    EXPECT_EQ(d->column, 12);
    EXPECT_EQ(d->message_en, "\"count\" should be a whole number, like 5, but it is a string.");
    EXPECT_EQ(d->message_nl, "\"count\" hoort een geheel getal, zoals 5 te zijn, maar het is een tekst.");
    const sb::Diagnostic* f = Find(p.diags, "wrong-type", "/flag");
    ASSERT_NE(f, nullptr);
    EXPECT_EQ(f->line, 3);
}

TEST(JsonReader, NumbersOutsideTheRangeNameTheRange) {
    Parsed p("{\"a\": 2, \"b\": 18446744073709551615, \"c\": -5}");
    sb::JsonReader r(p.src, p.diags);
    int a = 1, b = 1, c = 1;
    EXPECT_FALSE(r.ReadInt(p.src.root, "", "a", 10, 3600, a));
    EXPECT_FALSE(r.ReadInt(p.src.root, "", "b", 10, 3600, b));
    EXPECT_FALSE(r.ReadInt(p.src.root, "", "c", 10, 3600, c));
    EXPECT_EQ(a, 1);
    EXPECT_EQ(b, 1);
    EXPECT_EQ(c, 1);
    const sb::Diagnostic* d = Find(p.diags, "bad-value", "/a");
    ASSERT_NE(d, nullptr);
    EXPECT_EQ(d->message_en, "\"a\" is 2; use a number from 10 to 3600.");
    EXPECT_EQ(d->message_nl, "\"a\" is 2; gebruik een getal van 10 tot 3600.");
    EXPECT_NE(Find(p.diags, "bad-value", "/b"), nullptr)
        << "a number too big for any integer is out of range";
    EXPECT_NE(Find(p.diags, "bad-value", "/c"), nullptr);
}

TEST(JsonReader, ChoiceListsWhatIsAllowedAndSuggests) {
    Parsed p("{\"mode\": \"workshp\"}");
    sb::JsonReader r(p.src, p.diags);
    size_t i = 5;
    EXPECT_FALSE(r.ReadChoice(p.src.root, "", "mode", {"walk-up", "workshop"}, i));
    EXPECT_EQ(i, 5u);
    const sb::Diagnostic* d = Find(p.diags, "bad-value", "/mode");
    ASSERT_NE(d, nullptr);
    EXPECT_NE(d->message_en.find("Use \"walk-up\", \"workshop\"."), std::string::npos) << d->message_en;
    EXPECT_NE(d->message_en.find("Did you mean \"workshop\"?"), std::string::npos) << d->message_en;
    EXPECT_NE(d->message_nl.find("Gebruik \"walk-up\", \"workshop\"."), std::string::npos) << d->message_nl;
}

TEST(JsonReader, UnknownFieldsWarnWithTheFieldProbablyMeant) {
    Parsed p("{\n  \"$schema\": \"x\",\n  \"titel\": 1,\n  \"zzzz\": 2,\n  \"title\": 3\n}\n");
    sb::JsonReader r(p.src, p.diags);
    r.CheckFields(p.src.root, "", {"title", "body"});
    ASSERT_EQ(p.diags.List().size(), 2u) << "$schema and known fields are fine";
    const sb::Diagnostic* d = Find(p.diags, "unknown-field", "/titel");
    ASSERT_NE(d, nullptr);
    EXPECT_EQ(d->severity, sb::Severity::Warning);
    EXPECT_EQ(d->line, 3);
    EXPECT_EQ(d->message_en, "\"titel\" is not a known field here. Did you mean \"title\"?");
    EXPECT_EQ(d->message_nl, "\"titel\" is hier geen bekend veld. Bedoel je \"title\"?");
    const sb::Diagnostic* z = Find(p.diags, "unknown-field", "/zzzz");
    ASSERT_NE(z, nullptr);
    EXPECT_NE(z->message_en.find("It is ignored"), std::string::npos);
}

TEST(JsonReader, TextsInBothLanguagesOrThePacksDefault) {
    Parsed p("{\n  \"a\": {\"nl\": \"Hallo\", \"en\": \"Hello\"},\n  \"b\": \"Alleen\",\n"
             "  \"c\": {\"nl\": \"Hoi\", \"fr\": \"Salut\"},\n  \"d\": \"\",\n  \"e\": 3\n}\n");
    sb::JsonReader r(p.src, p.diags, sb::TextLanguages{{"nl", "en"}, "nl"});
    const sb::LocalText a = r.Text(p.src.root, "", "a", true);
    EXPECT_EQ(a.Get("en", "nl"), "Hello");
    EXPECT_EQ(a.Get("nl", "nl"), "Hallo");
    EXPECT_EQ(p.diags.List().size(), 0u);

    const sb::LocalText b = r.Text(p.src.root, "", "b", true);
    EXPECT_TRUE(b.Has("nl"));
    EXPECT_EQ(b.Get("en", "nl"), "Alleen") << "a plain string is the default language";
    ASSERT_NE(Find(p.diags, "missing-translation", "/b"), nullptr);
    EXPECT_NE(Find(p.diags, "missing-translation", "/b")->message_en.find("no en translation"),
              std::string::npos);

    r.Text(p.src.root, "", "c", true);
    EXPECT_NE(Find(p.diags, "unknown-language", "/c/fr"), nullptr);
    EXPECT_NE(Find(p.diags, "missing-translation", "/c"), nullptr);

    r.Text(p.src.root, "", "d", true);
    EXPECT_NE(Find(p.diags, "empty-text", "/d"), nullptr);
    r.Text(p.src.root, "", "e", true);
    const sb::Diagnostic* e = Find(p.diags, "wrong-type", "/e");
    ASSERT_NE(e, nullptr);
    EXPECT_EQ(e->line, 6);
}

TEST(JsonReader, LongTextsWarn) {
    Parsed p("{\"t\": \"" + std::string(50, 'x') + "\"}");
    sb::JsonReader r(p.src, p.diags);
    r.Text(p.src.root, "", "t", true, 20);
    const sb::Diagnostic* d = Find(p.diags, "text-too-long", "/t/nl");
    ASSERT_NE(d, nullptr);
    EXPECT_NE(d->message_en.find("50 characters"), std::string::npos);
}

TEST(JsonReader, IdsListsAndDuplicates) {
    Parsed p("{\"ids\": [\"goed\", \"Fout!\", 3], \"id\": \"Ook Fout\", \"names\": [\"x\", 2]}");
    sb::JsonReader r(p.src, p.diags);
    EXPECT_EQ(r.IdList(p.src.root, "", "ids"), (std::vector<std::string>{"goed"}));
    EXPECT_NE(Find(p.diags, "bad-id", "/ids/1"), nullptr);
    EXPECT_NE(Find(p.diags, "bad-id", "/ids/2"), nullptr);
    EXPECT_EQ(r.Str(p.src.root, "", "id", true, sb::JsonKind::Id), "");
    EXPECT_NE(Find(p.diags, "bad-id", "/id"), nullptr);
    std::vector<std::string> names;
    EXPECT_TRUE(r.Read(p.src.root, "", "names", names));
    EXPECT_EQ(names, (std::vector<std::string>{"x"}));
    EXPECT_NE(Find(p.diags, "wrong-type", "/names/1"), nullptr);

    std::unordered_map<std::string, std::string> seen;
    r.Unique(seen, "a", "/nodes/0", "node", "knoop");
    r.Unique(seen, "a", "/nodes/4", "node", "knoop");
    const sb::Diagnostic* d = Find(p.diags, "duplicate-id", "/nodes/4");
    ASSERT_NE(d, nullptr);
    EXPECT_NE(d->message_en.find("(at /nodes/0)"), std::string::npos);
    EXPECT_TRUE(sb::IsJsonId("eerste-week"));
    EXPECT_FALSE(sb::IsJsonId("-eerste"));
    EXPECT_FALSE(sb::IsJsonId(std::string(65, 'a')));
    EXPECT_TRUE(sb::IsJsonId("stap_2")) << "one id rule: '_' is allowed everywhere";
    EXPECT_FALSE(sb::IsJsonId("_stap"));
}

TEST(JsonReader, AuthorNotesAreSkippedOnlyWhereTheReaderAllowsThem) {
    const std::string text = "{\"_note\": 1, \"// todo\": 2, \"t\": {\"nl\": \"Hoi\", \"_uitleg\": \"x\"}}";
    {
        Parsed p(text);
        sb::JsonReader r(p.src, p.diags);
        r.CheckFields(p.src.root, "", {"t"});
        EXPECT_NE(Find(p.diags, "unknown-field", "/_note"), nullptr) << "the config has no notes";
        EXPECT_NE(Find(p.diags, "unknown-field", "/~1~1 todo"), nullptr);
    }
    {
        Parsed p(text);
        sb::JsonReader r(p.src, p.diags);
        r.author_comments = true;
        r.CheckFields(p.src.root, "", {"t"});
        const sb::LocalText t = r.Text(p.src.root, "", "t", true);
        EXPECT_TRUE(p.diags.List().empty()) << p.diags.List().front().message_en;
        EXPECT_EQ(t.Get("nl", "nl"), "Hoi");
        EXPECT_FALSE(t.Has("_uitleg")) << "a note inside a text is not a language";
    }
}

TEST(JsonReader, AnEntryThatIsNotAnObjectIsReportedOnce) {
    Parsed p("{\"choices\": [\"zomaar tekst\"]}");
    sb::JsonReader r(p.src, p.diags);
    const auto& entry = p.src.root["choices"][0];
    r.Str(entry, "/choices/0", "text", true);
    r.Str(entry, "/choices/0", "target", true);
    ASSERT_EQ(p.diags.List().size(), 1u);
    EXPECT_EQ(p.diags.List()[0].code, "wrong-type");
    EXPECT_EQ(p.diags.List()[0].pointer, "/choices/0");
    EXPECT_NE(p.diags.List()[0].message_en.find("but it is a string"), std::string::npos);
}
