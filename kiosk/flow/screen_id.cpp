#include "flow/screen_id.h"

namespace sb {

namespace {

struct Row {
    ScreenId id;
    const char* name;
    bool trainer_only;
};

constexpr Row kRows[] = {
#define SCREEN(id, name, draw, trainer_only) {ScreenId::id, name, trainer_only},
#include "screens/screen_list.h"
#undef SCREEN
};

} // namespace

const char* ScreenName(ScreenId id) {
    return kRows[static_cast<int>(id)].name;
}

bool IsTrainerScreen(ScreenId id) {
    return kRows[static_cast<int>(id)].trainer_only;
}

bool ScreenByName(std::string_view name, ScreenId& out) {
    for (const Row& r : kRows)
        if (name == r.name) {
            out = r.id;
            return true;
        }
    return false;
}

} // namespace sb
