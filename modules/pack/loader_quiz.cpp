// kind: quiz.
#include "pack/loader_internal.h"

namespace sb::loader_detail {

// One question of a quiz or of a lesson page (self_assessment: the quiz's mode; a lesson asks a
// knowledge question). False when its type is unknown: it is then left out.
bool ReadQuestion(Reader& r, const json& qj, const std::string& ptr, bool self_assessment,
                  const std::unordered_map<std::string, std::string>& seen_groups, Question& q) {
    const std::string type = r.Str(qj, ptr, "type", true);
    static const std::map<std::string, QuestionType> types{{"single", QuestionType::Single},
                                                           {"multiple", QuestionType::Multiple},
                                                           {"truefalse", QuestionType::TrueFalse},
                                                           {"ordering", QuestionType::Ordering},
                                                           {"likert", QuestionType::Likert}};
    if (auto it = types.find(type); it != types.end())
        q.type = it->second;
    else if (!type.empty()) {
        r.Error(
            PointerAppend(ptr, "type"), "bad-value",
            "\"" + type + "\" is not a question type. Use single, multiple, truefalse, ordering or likert.",
            "\"" + type + "\" is geen soort vraag. Gebruik single, multiple, truefalse, ordering of likert.");
        return false;
    }
    q.text = r.Text(qj, ptr, "text", true, kLongLine);
    q.explanation = r.Text(qj, ptr, "explanation", false, kLongLine);
    if (const json* v = r.Get(qj, ptr, "points", JsonKind::Number, false)) {
        q.points = v->get<double>();
        if (q.points <= 0 || q.points > 100)
            r.Error(PointerAppend(ptr, "points"), "bad-value", "Points are more than 0 and at most 100.",
                    "Punten zijn meer dan 0 en hoogstens 100.");
    }
    q.source = r.Str(qj, ptr, "source", false);
    const std::string scoring = r.Str(qj, ptr, "scoring", false);
    if (scoring == "partial")
        q.scoring = Scoring::Partial;
    else if (!scoring.empty() && scoring != "all-or-nothing")
        r.Error(PointerAppend(ptr, "scoring"), "bad-value",
                "\"" + scoring + "\" is not a way of scoring. Use \"all-or-nothing\" or \"partial\".",
                "\"" + scoring + "\" is geen manier van scoren. Gebruik \"all-or-nothing\" of \"partial\".");

    const bool likert = q.type == QuestionType::Likert;
    if (likert != self_assessment)
        r.Error(PointerAppend(ptr, "type"), "bad-value",
                likert ? "A likert statement belongs in a self-assessment quiz (\"mode\": "
                         "\"self-assessment\")."
                       : "A self-assessment quiz has only likert statements.",
                likert ? "Een likert-stelling hoort in een zelftest (\"mode\": \"self-assessment\")."
                       : "Een zelftest heeft alleen likert-stellingen.");

    auto read_options = [&](const char* key, bool with_correct) {
        const json* opts = r.Get(qj, ptr, key, JsonKind::Array, true);
        if (!opts) return;
        std::unordered_map<std::string, std::string> oseen;
        for (size_t k = 0; k < opts->size(); ++k) {
            const json& o = (*opts)[k];
            const std::string optr = PointerAppend(PointerAppend(ptr, key), k);
            if (with_correct)
                r.CheckFields(o, optr, {"id", "text", "correct", "feedback"});
            else
                r.CheckFields(o, optr, {"id", "text"});
            Option opt;
            opt.id = r.Str(o, optr, "id", true, JsonKind::Id);
            r.Unique(oseen, opt.id, PointerAppend(optr, "id"), "option", "optie");
            opt.text = r.Text(o, optr, "text", true, kLongOption);
            if (with_correct) {
                if (const json* v = r.Get(o, optr, "correct", JsonKind::Bool, false))
                    opt.correct = v->get<bool>();
                opt.feedback = r.Text(o, optr, "feedback", false, kLongLine);
            }
            q.options.push_back(std::move(opt));
        }
        if (q.options.size() < 2 || q.options.size() > 8)
            r.Error(PointerAppend(ptr, key), "bad-value", "Give 2 to 8 options here.",
                    "Geef hier 2 tot 8 opties.");
    };
    switch (q.type) {
    case QuestionType::Single:
    case QuestionType::Multiple: {
        read_options("options", true);
        const auto correct =
            std::count_if(q.options.begin(), q.options.end(), [](const Option& o) { return o.correct; });
        if (q.type == QuestionType::Single && correct != 1 && !q.options.empty())
            r.Error(PointerAppend(ptr, "options"), "no-correct-answer",
                    correct == 0
                        ? "No option is marked correct. Add \"correct\": true to the right answer."
                        : "More than one option is marked correct. A single-choice question has one; "
                          "use \"type\": \"multiple\" for more.",
                    correct == 0 ? "Geen optie is als goed gemarkeerd. Zet \"correct\": true bij het goede "
                                   "antwoord."
                                 : "Meer dan één optie is als goed gemarkeerd. Een single-choicevraag heeft "
                                   "er één; gebruik \"type\": \"multiple\" voor meer.");
        if (q.type == QuestionType::Multiple && correct == 0 && !q.options.empty())
            r.Error(PointerAppend(ptr, "options"), "no-correct-answer",
                    "No option is marked correct. Add \"correct\": true to each right answer.",
                    "Geen optie is als goed gemarkeerd. Zet \"correct\": true bij elk goed antwoord.");
        break;
    }
    case QuestionType::TrueFalse: {
        const json* v = r.Get(qj, ptr, "answer", JsonKind::Bool, false);
        if (!v && qj.is_object() && !qj.contains("answer"))
            r.Error(ptr, "no-correct-answer",
                    "This true/false question has no \"answer\". Add \"answer\": true or \"answer\": "
                    "false.",
                    "Deze waar/onwaar-vraag heeft geen \"answer\". Voeg \"answer\": true of "
                    "\"answer\": false toe.");
        q.answer = v && v->get<bool>();
        Option t{"true", {}, q.answer, r.Text(qj, ptr, "feedbackTrue", false, kLongLine)};
        Option f{"false", {}, !q.answer, r.Text(qj, ptr, "feedbackFalse", false, kLongLine)};
        q.options = {t, f};
        break;
    }
    case QuestionType::Ordering:
        read_options("items", false);
        break;
    case QuestionType::Likert: {
        q.group = r.Str(qj, ptr, "group", true, JsonKind::Id);
        if (!q.group.empty() && !seen_groups.count(q.group))
            r.Error(PointerAppend(ptr, "group"), "unknown-group",
                    "There is no group \"" + q.group +
                        "\" in \"groups\". Add it there, or use an existing group id.",
                    "Er is geen groep \"" + q.group +
                        "\" in \"groups\". Voeg hem daar toe, of gebruik een bestaande groep.");
        if (const json* v = r.Get(qj, ptr, "reverse", JsonKind::Bool, false)) q.reverse = v->get<bool>();
        break;
    }
    }
    return true;
}

void ReadQuiz(Reader& r, const JsonSource& src, Module& m) {
    Quiz quiz;
    const json& root = src.root;
    const std::string mode = r.Str(root, "", "mode", true);
    if (mode == "self-assessment")
        quiz.self_assessment = true;
    else if (!mode.empty() && mode != "knowledge")
        r.Error("/mode", "bad-value",
                "\"" + mode + "\" is not a quiz mode. Use \"knowledge\" or \"self-assessment\".",
                "\"" + mode + "\" is geen quizsoort. Gebruik \"knowledge\" of \"self-assessment\".");
    const std::string feedback = r.Str(root, "", "feedback", false);
    if (feedback == "end")
        quiz.immediate_feedback = false;
    else if (!feedback.empty() && feedback != "immediate")
        r.Error("/feedback", "bad-value",
                "\"" + feedback + "\" is not a feedback moment. Use \"immediate\" or \"end\".",
                "\"" + feedback + "\" is geen moment voor feedback. Gebruik \"immediate\" of \"end\".");
    if (const json* sh = r.Get(root, "", "shuffle", JsonKind::Object, false)) {
        r.CheckFields(*sh, "/shuffle", {"questions", "options"});
        if (const json* v = r.Get(*sh, "/shuffle", "questions", JsonKind::Bool, false))
            quiz.shuffle_questions = v->get<bool>();
        if (const json* v = r.Get(*sh, "/shuffle", "options", JsonKind::Bool, false))
            quiz.shuffle_options = v->get<bool>();
    }
    std::unordered_map<std::string, std::string> seen_groups;
    if (const json* groups = r.Get(root, "", "groups", JsonKind::Array, false)) {
        for (size_t i = 0; i < groups->size(); ++i) {
            const json& g = (*groups)[i];
            const std::string ptr = PointerAppend("/groups", i);
            r.CheckFields(g, ptr, {"id", "title", "bands"});
            QuizGroup group;
            group.id = r.Str(g, ptr, "id", true, JsonKind::Id);
            r.Unique(seen_groups, group.id, PointerAppend(ptr, "id"), "group", "groep");
            group.title = r.Text(g, ptr, "title", true, kLongOption);
            if (const json* bands = r.Get(g, ptr, "bands", JsonKind::Array, true)) {
                for (size_t k = 0; k < bands->size(); ++k) {
                    const json& b = (*bands)[k];
                    const std::string bptr = PointerAppend(PointerAppend(ptr, "bands"), k);
                    r.CheckFields(b, bptr, {"min", "max", "title", "advice"});
                    Band band;
                    if (const json* v = r.Get(b, bptr, "min", JsonKind::Number, true))
                        band.min = v->get<double>();
                    if (const json* v = r.Get(b, bptr, "max", JsonKind::Number, true))
                        band.max = v->get<double>();
                    band.title = r.Text(b, bptr, "title", false, kLongOption);
                    band.advice = r.Text(b, bptr, "advice", true, kLongPage);
                    group.bands.push_back(std::move(band));
                }
            }
            quiz.groups.push_back(std::move(group));
        }
    }
    if (const json* scale = r.Get(root, "", "scale", JsonKind::Object, false)) {
        r.CheckFields(*scale, "/scale", {"labels"});
        quiz.scale_labels = r.TextList(*scale, "/scale", "labels");
        if (quiz.scale_labels.size() != 5)
            r.Error("/scale/labels", "bad-value", "A scale has exactly 5 labels, for 1 to 5.",
                    "Een schaal heeft precies 5 labels, voor 1 tot 5.");
    }

    std::unordered_map<std::string, std::string> seen;
    if (const json* qs = r.Get(root, "", "questions", JsonKind::Array, true)) {
        if (qs->empty())
            r.Error("/questions", "empty-list", "A quiz needs at least one question.",
                    "Een quiz heeft minstens één vraag nodig.");
        for (size_t i = 0; i < qs->size(); ++i) {
            const json& qj = (*qs)[i];
            const std::string ptr = PointerAppend("/questions", i);
            r.CheckFields(qj, ptr,
                          {"id", "type", "text", "explanation", "points", "source", "options", "scoring",
                           "answer", "feedbackTrue", "feedbackFalse", "items", "group", "reverse"});
            Question q;
            q.id = r.Str(qj, ptr, "id", true, JsonKind::Id);
            r.Unique(seen, q.id, PointerAppend(ptr, "id"), "question", "vraag");
            if (!ReadQuestion(r, qj, ptr, quiz.self_assessment, seen_groups, q)) continue;
            quiz.questions.push_back(std::move(q));
        }
    }

    // Bands: read, then check they cover the whole range without gaps or overlaps.
    if (const json* bands = r.Get(root, "", "bands", JsonKind::Array, !quiz.self_assessment)) {
        for (size_t k = 0; k < bands->size(); ++k) {
            const json& b = (*bands)[k];
            const std::string bptr = PointerAppend("/bands", k);
            r.CheckFields(b, bptr, {"min", "max", "title", "advice", "tips"});
            Band band;
            if (const json* v = r.Get(b, bptr, "min", JsonKind::Number, true)) band.min = v->get<double>();
            if (const json* v = r.Get(b, bptr, "max", JsonKind::Number, true)) band.max = v->get<double>();
            band.title = r.Text(b, bptr, "title", true, kLongOption);
            band.advice = r.Text(b, bptr, "advice", true, kLongPage);
            band.tips = r.TextList(b, bptr, "tips", kLongLine);
            quiz.bands.push_back(std::move(band));
        }
    }
    auto check_cover = [&](const std::vector<Band>& bands, const std::string& ptr, double lo, double hi,
                           double step) {
        std::vector<size_t> order(bands.size());
        for (size_t i = 0; i < order.size(); ++i)
            order[i] = i;
        std::sort(order.begin(), order.end(),
                  [&](size_t a, size_t b) { return bands[a].min < bands[b].min; });
        auto num = [](double v) {
            char buf[32];
            snprintf(buf, sizeof buf, "%g", v);
            return std::string(buf);
        };
        for (size_t i : order)
            if (bands[i].min > bands[i].max)
                r.Error(PointerAppend(ptr, i), "band-coverage",
                        "This band's min (" + num(bands[i].min) + ") is above its max (" + num(bands[i].max) +
                            ").",
                        "Bij deze band is min (" + num(bands[i].min) + ") groter dan max (" +
                            num(bands[i].max) + ").");
        if (order.empty()) return;
        if (bands[order.front()].min > lo + 1e-9)
            r.Error(PointerAppend(ptr, order.front()), "band-coverage",
                    "No band covers " + num(lo) + " to " + num(bands[order.front()].min - step) +
                        ". Let the lowest band start at " + num(lo) + ".",
                    "Geen band dekt " + num(lo) + " tot " + num(bands[order.front()].min - step) +
                        ". Laat de laagste band beginnen bij " + num(lo) + ".");
        for (size_t k = 1; k < order.size(); ++k) {
            const Band& a = bands[order[k - 1]];
            const Band& b = bands[order[k]];
            if (b.min <= a.max - 1e-9)
                r.Error(PointerAppend(ptr, order[k]), "band-coverage",
                        "This band (" + num(b.min) + "–" + num(b.max) + ") overlaps the band " + num(a.min) +
                            "–" + num(a.max) + ". Let it start at " + num(a.max + step) + ".",
                        "Deze band (" + num(b.min) + "–" + num(b.max) + ") overlapt met de band " +
                            num(a.min) + "–" + num(a.max) + ". Laat hem beginnen bij " + num(a.max + step) +
                            ".");
            else if (b.min > a.max + step + 1e-9)
                r.Error(PointerAppend(ptr, order[k]), "band-coverage",
                        "There is a gap between " + num(a.max) + " and " + num(b.min) + ": no band covers " +
                            num(a.max + step) + ". Let this band start at " + num(a.max + step) + ".",
                        "Er zit een gat tussen " + num(a.max) + " en " + num(b.min) + ": geen band dekt " +
                            num(a.max + step) + ". Laat deze band beginnen bij " + num(a.max + step) + ".");
        }
        if (bands[order.back()].max < hi - 1e-9)
            r.Error(PointerAppend(ptr, order.back()), "band-coverage",
                    "No band covers scores up to " + num(hi) +
                        " (the maximum). Let the highest band end at " + num(hi) + ".",
                    "Geen band dekt scores tot " + num(hi) +
                        " (het maximum). Laat de hoogste band eindigen bij " + num(hi) + ".");
    };
    if (!quiz.self_assessment && !quiz.bands.empty())
        check_cover(quiz.bands, "/bands", 0, std::floor(quiz.MaxScore() + 1e-9), 1);
    if (quiz.self_assessment) {
        if (quiz.groups.empty())
            r.Error("", "missing-field", "A self-assessment needs \"groups\", each with advice bands.",
                    "Een zelftest heeft \"groups\" nodig, elk met adviesbanden.");
        for (size_t g = 0; g < quiz.groups.size(); ++g)
            check_cover(quiz.groups[g].bands, PointerAppend(PointerAppend("/groups", g), "bands"), 1, 5, 0.1);
    }
    m.content = std::move(quiz);
}

} // namespace sb::loader_detail
