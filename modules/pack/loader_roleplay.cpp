// kind: roleplay: variables, nodes, lines, choices, "next" branches, endings, and the state exploration that
// proves no student gets stuck (pack/roleplay_graph.h does the exploring; this file says what it found).
#include "pack/loader_internal.h"
#include "pack/roleplay_graph.h"

#include <queue>

namespace sb::loader_detail {

namespace {

struct RoleplayReader {
    Reader& r;
    LoadContext& ctx;
    const JsonSource& src;
    Roleplay& rp;
    ExprScope scope;
    std::unordered_map<std::string, Target> targets;

    void ExprError_(const std::string& ptr, const std::string& text, const ExprError& e) {
        r.Error(ptr, "expression-error",
                e.en + " (at character " + std::to_string(e.offset + 1) + " of \"" + text + "\")",
                e.nl + " (bij teken " + std::to_string(e.offset + 1) + " van \"" + text + "\")");
    }

    // A condition ("condition" of a choice, "if" of a line, a variant or a branch).
    Expression Condition(const json& obj, const std::string& ptr, const char* key) {
        Expression out;
        const std::string cond = r.Str(obj, ptr, key, false);
        if (cond.empty()) return out;
        const std::string cptr = PointerAppend(ptr, key);
        ExprError e;
        if (!Expression::Parse(cond, scope, out, e)) {
            ExprError_(cptr, cond, e);
            return {};
        }
        if (out.Type() != ValueType::Bool) {
            r.Error(
                cptr, "expression-error",
                "A condition must be true or false, e.g. \"confidence >= 2\", not just a number.",
                "Een voorwaarde is waar of onwaar, bijvoorbeeld \"confidence >= 2\", niet alleen een getal.");
            return {};
        }
        return out;
    }

    // Every {name} in the text's strings names a declared variable.
    void CheckBraces(const LocalText& text, const std::string& ptr, bool plain_string) {
        for (const auto& [lang, s] : text.All()) {
            InterpolationError e;
            if (CheckInterpolation(s, scope.variables, e)) continue;
            std::string en = e.en, nl = e.nl;
            if (!e.name.empty()) {
                const std::string guess = ClosestWord(e.name, scope.variables);
                if (!guess.empty()) {
                    en += " Did you mean {" + guess + "}?";
                    nl += " Bedoel je {" + guess + "}?";
                } else {
                    en += " Declare it, or write {{ and }} to show braces.";
                    nl += " Declareer hem, of schrijf {{ en }} om accolades te tonen.";
                }
            }
            const std::string at = " (at character " + std::to_string(e.offset + 1) + ")";
            const std::string bij = " (bij teken " + std::to_string(e.offset + 1) + ")";
            r.Error(plain_string ? ptr : PointerAppend(ptr, lang), "unknown-variable", en + at, nl + bij);
        }
    }

    LocalText Text(const json& obj, const std::string& ptr, const char* key, bool required, size_t warn_len) {
        LocalText t = r.Text(obj, ptr, key, required, warn_len);
        const json* v = obj.is_object() && obj.contains(key) ? &obj[key] : nullptr;
        CheckBraces(t, PointerAppend(ptr, key), v && v->is_string());
        return t;
    }

    // Text variants and "next" are lists of {"if": …, …} where only the last entry goes without "if" (it
    // is what holds when no other does): one rule, each list in its own words.
    struct DefaultLast {
        const char* code;
        const char *last_has_if_en, *last_has_if_nl, *early_default_en, *early_default_nl;
    };
    void CheckDefaultLast(const json& entry, const std::string& eptr, bool last, const DefaultLast& w) {
        const bool has_if = entry.is_object() && entry.contains("if");
        if (last && has_if) r.Error(PointerAppend(eptr, "if"), w.code, w.last_has_if_en, w.last_has_if_nl);
        if (!last && !has_if && entry.is_object())
            r.Error(eptr, w.code, w.early_default_en, w.early_default_nl);
    }

    // A text, or a list of variants [{"if": …, "text": …}, …, {"text": …}] whose last entry has no "if".
    StoryText Story(const json& obj, const std::string& ptr, const char* key, bool required,
                    size_t warn_len) {
        StoryText out;
        if (!obj.is_object() || !obj.contains(key) || !obj[key].is_array()) {
            out.text = Text(obj, ptr, key, required, warn_len);
            return out;
        }
        const json& list = obj[key];
        const std::string lptr = PointerAppend(ptr, key);
        if (list.empty()) {
            r.Error(
                lptr, "empty-list",
                "A list of text variants needs at least one entry: the last one, without \"if\", is shown "
                "when no other holds.",
                "Een lijst met tekstvarianten heeft minstens één item nodig: het laatste, zonder \"if\", "
                "wordt getoond als geen ander geldt.");
            return out;
        }
        for (size_t i = 0; i < list.size(); ++i) {
            const json& v = list[i];
            const std::string vptr = PointerAppend(lptr, i);
            r.CheckFields(v, vptr, {"if", "text"});
            const bool last = i + 1 == list.size();
            static const DefaultLast words{
                "variant-default",
                "The last variant is the one shown when no other holds, so it has no \"if\". Add an entry "
                "without \"if\" at the end.",
                "De laatste variant wordt getoond als geen andere geldt, dus die heeft geen \"if\". Zet aan "
                "het eind een item zonder \"if\".",
                "Only the last variant goes without \"if\": the ones after this one could never show. Give "
                "this one an \"if\", or move it to the end.",
                "Alleen de laatste variant staat zonder \"if\": de varianten hierna zouden nooit getoond "
                "worden. Geef deze een \"if\", of zet hem aan het eind."};
            CheckDefaultLast(v, vptr, last, words);
            TextVariant tv;
            tv.condition = Condition(v, vptr, "if");
            tv.text = Text(v, vptr, "text", true, warn_len);
            if (last)
                out.text = std::move(tv.text);
            else
                out.variants.push_back(std::move(tv));
        }
        return out;
    }

    void Resolve(const std::string& id, const std::string& ptr, Target& out) {
        auto it = targets.find(id);
        if (it != targets.end()) {
            out = it->second;
            return;
        }
        std::vector<std::string> ids;
        for (const auto& [k, v] : targets)
            ids.push_back(k);
        std::sort(ids.begin(), ids.end()); // the same suggestion every run
        const std::string guess = ClosestWord(id, ids);
        r.Error(ptr, "unknown-target",
                "This leads to \"" + id + "\", but there is no node or ending with that id." +
                    (guess.empty() ? " Add it, or point to an existing one."
                                   : " Did you mean \"" + guess + "\"?"),
                "Dit leidt naar \"" + id + "\", maar er is geen node of afloop met die id." +
                    (guess.empty() ? " Voeg die toe, of verwijs naar een bestaande."
                                   : " Bedoel je \"" + guess + "\"?"));
    }

    void Variables(const json& root) {
        const json* vars = r.Get(root, "", "variables", JsonKind::Object, false);
        if (!vars) return;
        for (auto it = vars->begin(); it != vars->end(); ++it) {
            // A note, except that format 1 let a variable's name start with '_'.
            if (IsAuthorComment(it.key()) && !(r.format < 2 && IsVariableName(it.key(), 1))) continue;
            const std::string vptr = PointerAppend("/variables", it.key());
            if (!IsVariableName(it.key(), r.format)) {
                r.Error(
                    vptr, "bad-id",
                    "\"" + it.key() +
                        "\" is not a valid variable name. Use lowercase letters, digits and '_', starting "
                        "with a letter, e.g. \"moed\".",
                    "\"" + it.key() +
                        "\" is geen geldige variabelenaam. Gebruik kleine letters, cijfers en '_', en "
                        "begin met een letter, bijvoorbeeld \"moed\".");
                continue;
            }
            Variable v{it.key(), {}};
            if (it->is_boolean()) {
                v.initial = Value::Bool(it->get<bool>());
            } else if (it->is_number_integer()) {
                // Expressions clamp at ±1,000,000,000 so sums cannot overflow; a start value must fit too.
                const double start = it->get<double>();
                if (start < -1e9 || start > 1e9)
                    r.Error(vptr, "bad-value", "A variable starts between -1000000000 and 1000000000.",
                            "Een variabele begint tussen -1000000000 en 1000000000.");
                v.initial = Value::Int(start < -1e9  ? -1000000000
                                       : start > 1e9 ? 1000000000
                                                     : it->get<int64_t>());
            } else {
                r.Error(vptr, "wrong-type", "A variable starts as a whole number or as true/false.",
                        "Een variabele begint als een geheel getal of als true/false.");
                // Still declared (as a number), so its uses are not reported as undeclared too.
                v.initial = Value::Int(0);
            }
            scope.variables.push_back(v.name);
            scope.types.push_back(v.initial.type);
            rp.variables.push_back(v);
        }
    }

    Line ReadLine(const json& l, const std::string& lptr) {
        r.CheckFields(l, lptr, {"speaker", "text", "mood", "image", "if"});
        Line line;
        line.speaker = r.Str(l, lptr, "speaker", true);
        if (!line.speaker.empty() && line.speaker != "narrator" && line.speaker != "you")
            ctx.cast_refs.push_back({src.file, PointerAppend(lptr, "speaker"),
                                     src.At(PointerAppend(lptr, "speaker")), line.speaker});
        line.condition = Condition(l, lptr, "if");
        {
            Reader::MarksHere marks(r);
            line.text = Story(l, lptr, "text", true, kLongLine);
        }
        line.mood = r.Str(l, lptr, "mood", false);
        static const std::set<std::string> moods{"neutral", "happy", "worried", "angry", "sad", "surprised"};
        if (!line.mood.empty() && !moods.count(line.mood))
            r.Error(PointerAppend(lptr, "mood"), "bad-value",
                    "\"" + line.mood +
                        "\" is not a mood. Use neutral, happy, worried, angry, sad or surprised.",
                    "\"" + line.mood +
                        "\" is geen stemming. Gebruik neutral, happy, worried, angry, sad of surprised.");
        line.image = r.Str(l, lptr, "image", false);
        AddMedia(ctx, src, PointerAppend(lptr, "image"), line.image);
        return line;
    }

    Choice ReadChoice(const json& c, const std::string& cptr) {
        r.CheckFields(c, cptr,
                      {"text", "target", "condition", "effects", "feedback", "quality", "fallback", "once"});
        Choice choice;
        choice.text = Text(c, cptr, "text", true, kLongOption);
        choice.target_id = r.Str(c, cptr, "target", true);
        if (!choice.target_id.empty())
            Resolve(choice.target_id, PointerAppend(cptr, "target"), choice.target);
        choice.feedback = Text(c, cptr, "feedback", true, kLongLine);
        const std::string quality = r.Str(c, cptr, "quality", false);
        if (quality == "strong")
            choice.quality = ChoiceQuality::Strong;
        else if (quality == "okay")
            choice.quality = ChoiceQuality::Okay;
        else if (quality == "weak")
            choice.quality = ChoiceQuality::Weak;
        else if (!quality.empty())
            r.Error(PointerAppend(cptr, "quality"), "bad-value",
                    "\"" + quality + "\" is not a quality. Use strong, okay or weak.",
                    "\"" + quality + "\" is geen kwaliteit. Gebruik strong, okay of weak.");
        choice.condition = Condition(c, cptr, "condition");
        if (const json* v = r.Get(c, cptr, "fallback", JsonKind::Bool, false))
            choice.fallback = v->get<bool>();
        if (const json* v = r.Get(c, cptr, "once", JsonKind::Bool, false)) choice.once = v->get<bool>();
        if (choice.once) choice.once_index = rp.once_choices++;
        if (const json* effects = r.Get(c, cptr, "effects", JsonKind::Array, false)) {
            for (size_t e = 0; e < effects->size(); ++e) {
                const std::string eptr = PointerAppend(PointerAppend(cptr, "effects"), e);
                if (!(*effects)[e].is_string()) {
                    r.Error(eptr, "wrong-type", "An effect is a string like \"confidence += 1\".",
                            "Een effect is een tekst zoals \"confidence += 1\".");
                    continue;
                }
                Effect effect;
                ExprError err;
                const std::string text = (*effects)[e].get<std::string>();
                if (!Effect::Parse(text, scope, effect, err))
                    ExprError_(eptr, text, err);
                else
                    choice.effects.push_back(std::move(effect));
            }
        }
        return choice;
    }

    // "next": an id, or a list [{"if": …, "target": …}, …, {"target": …}] whose last entry has no "if".
    void ReadNext(const json& n, const std::string& ptr, Node& node) {
        const json& next = n["next"];
        const std::string nptr = PointerAppend(ptr, "next");
        if (next.is_string()) {
            Branch b;
            b.target_id = r.Str(n, ptr, "next", true, JsonKind::Id);
            if (!b.target_id.empty()) Resolve(b.target_id, nptr, b.target);
            node.next.push_back(std::move(b));
            return;
        }
        if (!next.is_array()) {
            r.Error(
                nptr, "wrong-type",
                std::string("\"next\" is an id like \"hal\", or a list of {\"if\": …, \"target\": …} ending "
                            "with one without \"if\"; this is ") +
                    JsonTypeName(next, false) + ".",
                std::string("\"next\" is een id zoals \"hal\", of een lijst van {\"if\": …, \"target\": …} "
                            "met als laatste één zonder \"if\"; dit is ") +
                    JsonTypeName(next, true) + ".");
            return;
        }
        if (next.empty())
            r.Error(
                nptr, "empty-list",
                "\"next\" needs at least one entry: the last, without \"if\", is where the story goes when "
                "no other holds.",
                "\"next\" heeft minstens één item nodig: het laatste, zonder \"if\", is waar het verhaal "
                "heen gaat als geen ander geldt.");
        for (size_t i = 0; i < next.size(); ++i) {
            const json& e = next[i];
            const std::string eptr = PointerAppend(nptr, i);
            r.CheckFields(e, eptr, {"if", "target"});
            const bool last = i + 1 == next.size();
            static const DefaultLast words{
                "next-default",
                "The last entry of \"next\" is where the story goes when no other holds, so it has no "
                "\"if\". Add an entry without \"if\" at the end.",
                "Het laatste item van \"next\" is waar het verhaal heen gaat als geen ander geldt, dus het "
                "heeft geen \"if\". Zet aan het eind een item zonder \"if\".",
                "Only the last entry of \"next\" goes without \"if\": the entries after this one could never "
                "be taken.",
                "Alleen het laatste item van \"next\" staat zonder \"if\": de items hierna zouden nooit "
                "gekozen worden."};
            CheckDefaultLast(e, eptr, last, words);
            Branch b;
            b.condition = Condition(e, eptr, "if");
            b.target_id = r.Str(e, eptr, "target", true, JsonKind::Id);
            if (!b.target_id.empty()) Resolve(b.target_id, PointerAppend(eptr, "target"), b.target);
            node.next.push_back(std::move(b));
        }
    }

    Node ReadNode(const json& n, const std::string& ptr, const std::string& id) {
        r.CheckFields(n, ptr, {"id", "lines", "prompt", "choices", "next", "order"});
        Node node;
        node.id = id;
        if (const json* lines = r.Get(n, ptr, "lines", JsonKind::Array, true))
            for (size_t k = 0; k < lines->size(); ++k)
                node.lines.push_back(ReadLine((*lines)[k], PointerAppend(PointerAppend(ptr, "lines"), k)));
        node.prompt = Text(n, ptr, "prompt", false, kLongLine);
        const std::string order = r.Str(n, ptr, "order", false);
        node.fixed_order = order == "fixed";
        if (!order.empty() && order != "fixed")
            r.Error(
                PointerAppend(ptr, "order"), "bad-value",
                "\"" + order +
                    "\" is not an order. Use \"fixed\" to show the choices as written (a scale), or leave it "
                    "out to shuffle them.",
                "\"" + order +
                    "\" is geen volgorde. Gebruik \"fixed\" om de keuzes te tonen zoals ze er staan (een "
                    "schaal), of laat het weg om ze te schudden.");
        const json* choices = r.Get(n, ptr, "choices", JsonKind::Array, false);
        const bool has_next = n.is_object() && n.contains("next");
        if (choices && has_next)
            r.Error(
                PointerAppend(ptr, "next"), "choices-and-next",
                "This node has both \"choices\" and \"next\". Keep one: choices for a decision, next to just "
                "continue.",
                "Deze node heeft zowel \"choices\" als \"next\". Houd er één: choices voor een keuze, next "
                "om gewoon door te gaan.");
        if (!choices && !has_next && n.is_object())
            r.Error(
                PointerAppend(ptr, "id"), "dead-end",
                "This node has no \"choices\" and no \"next\": the story stops here without an ending. Add "
                "choices, or \"next\" pointing to a node or ending.",
                "Deze node heeft geen \"choices\" en geen \"next\": het verhaal stopt hier zonder afloop. "
                "Voeg keuzes toe, of \"next\" naar een node of afloop.");
        if (choices) {
            if (choices->empty() || choices->size() > 6)
                r.Error(PointerAppend(ptr, "choices"), "choice-count",
                        "A decision has 1 to 6 choices (keys 1–4 work best); this one has " +
                            std::to_string(choices->size()) + ".",
                        "Een keuzemoment heeft 1 tot 6 keuzes (toetsen 1–4 werken het best); deze heeft er " +
                            std::to_string(choices->size()) + ".");
            for (size_t k = 0; k < choices->size(); ++k)
                node.choices.push_back(
                    ReadChoice((*choices)[k], PointerAppend(PointerAppend(ptr, "choices"), k)));
            if (!node.choices.empty() && std::all_of(node.choices.begin(), node.choices.end(),
                                                     [](const Choice& c) { return c.fallback; }))
                r.Warn(
                    PointerAppend(ptr, "choices"), "only-fallback",
                    "Every choice here is a fallback; a fallback shows only when no other choice can. Make "
                    "one an ordinary choice.",
                    "Elke keuze hier is een fallback; een fallback verschijnt alleen als geen andere keuze "
                    "kan. Maak er één een gewone keuze.");
        } else if (has_next) {
            ReadNext(n, ptr, node);
        }
        return node;
    }

    Ending ReadEnding(const json& e, const std::string& ptr) {
        r.CheckFields(e, ptr, {"id", "title", "outcome", "debrief", "lessons", "help"});
        Ending ending;
        ending.id =
            e.is_object() && e.contains("id") && e["id"].is_string() ? e["id"].get<std::string>() : "";
        ending.title = Story(e, ptr, "title", true, kLongOption);
        const std::string outcome = r.Str(e, ptr, "outcome", true);
        if (outcome == "positive")
            ending.outcome = Outcome::Positive;
        else if (outcome == "mixed")
            ending.outcome = Outcome::Mixed;
        else if (outcome == "negative")
            ending.outcome = Outcome::Negative;
        else if (!outcome.empty())
            r.Error(PointerAppend(ptr, "outcome"), "bad-value",
                    "\"" + outcome + "\" is not an outcome. Use positive, mixed or negative.",
                    "\"" + outcome + "\" is geen uitkomst. Gebruik positive, mixed of negative.");
        // Format 1 asked for a debrief on every ending; now an ending may have none.
        ending.debrief = Story(e, ptr, "debrief", r.format < 2, kLongPage);
        ending.lessons = r.TextList(e, ptr, "lessons", kLongLine);
        for (size_t k = 0; k < ending.lessons.size(); ++k)
            CheckBraces(ending.lessons[k], PointerAppend(PointerAppend(ptr, "lessons"), k), false);
        ending.help = r.IdList(e, ptr, "help");
        for (size_t k = 0; k < ending.help.size(); ++k) {
            const std::string hptr = PointerAppend(PointerAppend(ptr, "help"), k);
            ctx.help_refs.push_back({src.file, hptr, src.At(hptr), ending.help[k]});
        }
        return ending;
    }

    std::string NodePtr(int i) const { return PointerAppend(PointerAppend("/nodes", i), "id"); }
    std::string EndingPtr(int i) const { return PointerAppend(PointerAppend("/endings", i), "id"); }

    // The graph alone (every edge open): what no play can reach whatever the variables.
    void GraphChecks(bool clean, const std::vector<char>* skip_nodes) {
        const size_t n = rp.nodes.size();
        std::vector<std::vector<int>> reverse(n);
        std::vector<char> ends(n, 0);
        std::queue<int> q;
        for (size_t i = 0; i < n; ++i)
            for (const Edge& e : Edges(rp.nodes[i])) {
                if (e.target.index < 0) continue;
                if (e.target.ending)
                    ends[i] = 1;
                else
                    reverse[e.target.index].push_back(static_cast<int>(i));
            }
        const GraphReach from_start = ReachInGraph(rp, rp.start);
        const std::vector<char>& reach = from_start.nodes;
        const std::vector<char>& ending_reached = from_start.endings;
        for (size_t i = 0; i < n; ++i)
            if (ends[i]) q.push(static_cast<int>(i));
        while (!q.empty()) {
            const int i = q.front();
            q.pop();
            for (int p : reverse[i])
                if (!ends[p]) {
                    ends[p] = 1;
                    q.push(p);
                }
        }
        for (size_t i = 0; i < n; ++i) {
            if (skip_nodes && (*skip_nodes)[i]) continue;
            if (!reach[i])
                r.Error(NodePtr(static_cast<int>(i)), "unreachable-node",
                        "The node \"" + rp.nodes[i].id + "\" can never be reached from the start \"" +
                            rp.nodes[rp.start].id + "\". Add a choice that leads to it, or remove it.",
                        "De node \"" + rp.nodes[i].id + "\" is vanaf de start \"" + rp.nodes[rp.start].id +
                            "\" nooit te bereiken. Voeg een keuze toe die ernaartoe leidt, of haal hem weg.");
            else if (!ends[i] && clean)
                r.Error(
                    NodePtr(static_cast<int>(i)), "no-ending",
                    "From the node \"" + rp.nodes[i].id +
                        "\" no path reaches an ending: the student would go round in circles. Add a choice "
                        "that leads towards an ending.",
                    "Vanaf de node \"" + rp.nodes[i].id +
                        "\" leidt geen pad naar een afloop: de student blijft rondjes lopen. Voeg een keuze "
                        "toe die naar een afloop leidt.");
        }
        for (size_t i = 0; i < rp.endings.size() && clean; ++i)
            if (!ending_reached[i])
                r.Error(EndingPtr(static_cast<int>(i)), "unreachable-ending",
                        "No choice leads to the ending \"" + rp.endings[i].id +
                            "\". Point a choice or a \"next\" at it, or remove it.",
                        "Geen enkele keuze leidt naar de afloop \"" + rp.endings[i].id +
                            "\". Laat een keuze of \"next\" ernaar wijzen, of haal hem weg.");
    }

    // Every state a play can be in: no state without a way on, none that cannot reach an ending, and every
    // node and ending reached by some play.
    void StateChecks() {
        const Exploration x = Explore(rp, StartState(rp), ExploreLimits{ctx.options.max_states});
        auto where = [&](const Exploration::Problem& p) {
            const std::string d = DescribeState(rp, p.state);
            return d.empty() ? std::string() : " (" + d + ")";
        };
        std::vector<char> reported(rp.nodes.size(), 0);
        for (const auto& p : x.no_exit) {
            reported[p.node] = 1;
            const bool decision = !rp.nodes[p.node].choices.empty();
            r.Error(
                NodePtr(p.node), "no-exit",
                "A student can reach the node \"" + rp.nodes[p.node].id + "\" in a state" + where(p) +
                    " where " +
                    (decision ? "every choice is closed by its condition and there is no fallback"
                              : "no \"next\" entry applies") +
                    ": the story cannot go on. Add a choice with \"fallback\": true, or loosen a condition.",
                "Een student kan de node \"" + rp.nodes[p.node].id + "\" bereiken in een toestand" +
                    where(p) + " waarin " +
                    (decision ? "elke keuze dicht is door haar voorwaarde en er geen fallback is"
                              : "geen item van \"next\" geldt") +
                    ": het verhaal kan niet verder. Voeg een keuze met \"fallback\": true toe, of maak een "
                    "voorwaarde ruimer.");
        }
        if (!x.complete) {
            r.Warn(
                "/nodes", "state-bound",
                "This role-play has more than " + std::to_string(ctx.options.max_states) +
                    " states (node × variable values × visit counts), the bound the validator explores; it "
                    "checked the graph instead, so a closed loop made by conditions may go unnoticed. Keep "
                    "counters small, or cap them in conditions.",
                "Dit rollenspel heeft meer dan " + std::to_string(ctx.options.max_states) +
                    " toestanden (node × waarden van variabelen × aantal bezoeken), de grens die de "
                    "validator doorloopt; hij controleerde alleen de graaf, dus een gesloten lus door "
                    "voorwaarden kan onopgemerkt blijven. Houd tellers klein, of begrens ze in voorwaarden.");
            GraphChecks(true, &reported);
            return;
        }
        for (const auto& p : x.no_ending) {
            reported[p.node] = 1;
            r.Error(NodePtr(p.node), "no-ending",
                    "From the node \"" + rp.nodes[p.node].id + "\" in a state" + where(p) +
                        " no play reaches an ending: the conditions keep the student going round in circles. "
                        "Add a way out towards an ending.",
                    "Vanaf de node \"" + rp.nodes[p.node].id + "\" in een toestand" + where(p) +
                        " bereikt geen enkel spel een afloop: de voorwaarden laten de student rondjes lopen. "
                        "Voeg een uitweg naar een afloop toe.");
        }
        // What no state reaches: either the graph has no way there at all, or the conditions close it.
        const GraphReach in_graph = ReachInGraph(rp, rp.start);
        const std::vector<char>& graph_reach = in_graph.nodes;
        const std::vector<char>& graph_ending = in_graph.endings;
        for (size_t i = 0; i < rp.nodes.size(); ++i) {
            if (x.node_reached[i]) continue;
            const std::string& id = rp.nodes[i].id;
            if (!graph_reach[i])
                r.Error(NodePtr(static_cast<int>(i)), "unreachable-node",
                        "The node \"" + id + "\" can never be reached from the start \"" +
                            rp.nodes[rp.start].id + "\". Add a choice that leads to it, or remove it.",
                        "De node \"" + id + "\" is vanaf de start \"" + rp.nodes[rp.start].id +
                            "\" nooit te bereiken. Voeg een keuze toe die ernaartoe leidt, of haal hem weg.");
            else
                r.Error(NodePtr(static_cast<int>(i)), "unreachable-node",
                        "Choices lead to the node \"" + id +
                            "\", but no play gets there: their conditions are never true on the way. Check "
                            "the conditions, or remove the node.",
                        "Er leiden keuzes naar de node \"" + id +
                            "\", maar geen enkel spel komt er: hun voorwaarden zijn onderweg nooit waar. "
                            "Controleer de voorwaarden, of haal de node weg.");
        }
        for (size_t i = 0; i < rp.endings.size(); ++i) {
            if (x.ending_reached[i]) continue;
            const std::string& id = rp.endings[i].id;
            if (!graph_ending[i])
                r.Error(EndingPtr(static_cast<int>(i)), "unreachable-ending",
                        "No choice leads to the ending \"" + id +
                            "\". Point a choice or a \"next\" at it, or remove it.",
                        "Geen enkele keuze leidt naar de afloop \"" + id +
                            "\". Laat een keuze of \"next\" ernaar wijzen, of haal hem weg.");
            else
                r.Error(EndingPtr(static_cast<int>(i)), "unreachable-ending",
                        "Choices lead to the ending \"" + id +
                            "\", but no play gets there: their conditions are never true on the way. Check "
                            "the conditions, or remove the ending.",
                        "Er leiden keuzes naar de afloop \"" + id +
                            "\", maar geen enkel spel komt er: hun voorwaarden zijn onderweg nooit waar. "
                            "Controleer de voorwaarden, of haal de afloop weg.");
        }
    }
};

} // namespace

void ReadRoleplay(Reader& r, LoadContext& ctx, const JsonSource& src, Module& m) {
    Roleplay rp;
    const size_t errors_at_start = ctx.diags.ErrorCount();
    const json& root = src.root;
    RoleplayReader rr{r, ctx, src, rp, {}, {}};
    rr.Variables(root);
    rp.content_warning = rr.Text(root, "", "contentWarning", true, kLongLine);
    rp.role = rr.Text(root, "", "role", false, kLongLine);

    // Index ids first, so targets, visits() and the graph can refer to any node or ending.
    const json* nodes = r.Get(root, "", "nodes", JsonKind::Array, true);
    const json* endings = r.Get(root, "", "endings", JsonKind::Array, true);
    std::unordered_map<std::string, std::string> seen;
    if (nodes) {
        if (nodes->size() > ctx.options.max_nodes) {
            r.Error("/nodes", "too-many-nodes",
                    "This role-play has " + std::to_string(nodes->size()) + " nodes; the limit is " +
                        std::to_string(ctx.options.max_nodes) + ". Split it into several role-plays.",
                    "Dit rollenspel heeft " + std::to_string(nodes->size()) + " nodes; de grens is " +
                        std::to_string(ctx.options.max_nodes) + ". Verdeel het over meer rollenspellen.");
            m.content = std::move(rp);
            return;
        }
        for (size_t i = 0; i < nodes->size(); ++i) {
            const std::string ptr = PointerAppend("/nodes", i);
            const std::string id = r.Str((*nodes)[i], ptr, "id", true, JsonKind::Id);
            r.Unique(seen, id, PointerAppend(ptr, "id"), "node or ending", "node of afloop");
            if (!id.empty()) rr.targets.emplace(id, Target{false, static_cast<int>(i)});
            rr.scope.nodes.push_back(id);
        }
    }
    if (endings) {
        if (endings->empty())
            r.Error("/endings", "empty-list", "A role-play needs at least one ending.",
                    "Een rollenspel heeft minstens één afloop nodig.");
        for (size_t i = 0; i < endings->size(); ++i) {
            const std::string ptr = PointerAppend("/endings", i);
            const std::string id = r.Str((*endings)[i], ptr, "id", true, JsonKind::Id);
            r.Unique(seen, id, PointerAppend(ptr, "id"), "node or ending", "node of afloop");
            if (!id.empty()) rr.targets.emplace(id, Target{true, static_cast<int>(i)});
        }
    }
    if (nodes)
        for (size_t i = 0; i < nodes->size(); ++i)
            rp.nodes.push_back(rr.ReadNode((*nodes)[i], PointerAppend("/nodes", i), rr.scope.nodes[i]));
    if (endings)
        for (size_t i = 0; i < endings->size(); ++i)
            rp.endings.push_back(rr.ReadEnding((*endings)[i], PointerAppend("/endings", i)));

    const std::string start = r.Str(root, "", "start", true, JsonKind::Id);
    if (!start.empty()) {
        auto it = rr.targets.find(start);
        if (it == rr.targets.end() || it->second.ending)
            r.Error("/start", "unknown-target",
                    "\"start\" names \"" + start +
                        "\", but there is no node with that id. Point it at the first node.",
                    "\"start\" noemt \"" + start +
                        "\", maar er is geen node met die id. Laat hem naar de eerste node wijzen.");
        else
            rp.start = it->second.index;
    }

    // With the file clean, explore every state; with errors, a broken link would be reported twice, so only
    // what the graph alone shows.
    const bool clean = ctx.diags.ErrorCount() == errors_at_start;
    if (!rp.nodes.empty()) {
        if (clean)
            rr.StateChecks();
        else
            rr.GraphChecks(false, nullptr);
    }
    m.content = std::move(rp);
}

} // namespace sb::loader_detail
