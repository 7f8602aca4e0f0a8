#include "room/questions.h"

#include "confidence/run.h"

#include <algorithm>
#include <numeric>

namespace sb {

namespace {

std::vector<int> Iota(size_t n) {
    std::vector<int> v(n);
    std::iota(v.begin(), v.end(), 0);
    return v;
}

} // namespace

std::shared_ptr<RoomQuestion> CheckQuestion(const std::shared_ptr<const Pack>& pack, const Module& check,
                                            Phase phase, const std::string& scope) {
    if (!pack || !check.AsConfidence()) return nullptr;
    // The walk-up run decides which statements come, and in which phase: one rule for both.
    ConfidenceRun run(pack, check, phase, scope);
    auto q = std::make_shared<RoomQuestion>();
    q->kind = RoomQuestionKind::Confidence;
    q->title = LocalText({{"nl", phase == Phase::Pre ? "Hoe zeker ben je?" : "Hoe zeker ben je nu?"},
                          {"en", phase == Phase::Pre ? "How sure are you?" : "How sure are you now?"}});
    q->default_language = pack->default_language;
    q->pack_id = pack->id;
    q->pack_version = pack->version;
    q->scope = scope;
    for (; !run.Done(); run.Skip()) {
        const CheckStep& step = run.Current();
        RoomItem item;
        item.text = step.item->statement;
        item.low = step.item->low;
        item.high = step.item->high;
        item.dont_know = step.item->dont_know;
        item.phase = step.phase;
        item.item_id = step.item->id;
        q->items.push_back(std::move(item));
    }
    if (q->items.empty()) return nullptr;
    return q;
}

std::shared_ptr<RoomQuestion> VoteQuestion(const Pack& pack, const Node& node,
                                           const std::vector<int>& available) {
    auto q = std::make_shared<RoomQuestion>();
    q->kind = RoomQuestionKind::Vote;
    q->title =
        node.prompt.Empty() ? LocalText({{"nl", "Wat doe jij?"}, {"en", "What do you do?"}}) : node.prompt;
    q->default_language = pack.default_language;
    for (int i : available)
        if (i >= 0 && i < static_cast<int>(node.choices.size())) q->options.push_back(node.choices[i].text);
    q->items.resize(1);
    if (q->options.empty()) return nullptr;
    return q;
}

std::shared_ptr<RoomQuestion> QuizQuestion(const Pack& pack, const Quiz& quiz, const Question& question,
                                           const std::vector<int>& shown) {
    auto q = std::make_shared<RoomQuestion>();
    q->kind = RoomQuestionKind::Quiz;
    q->title = question.text;
    q->default_language = pack.default_language;
    const size_t n = question.options.size();
    // The options as the big screen shows them (a valid permutation of the pack's), else the pack's order.
    std::vector<int> order;
    if (shown.size() == n && std::is_permutation(shown.begin(), shown.end(), Iota(n).begin()))
        order = shown;
    else
        order = Iota(n);
    switch (question.type) {
    case QuestionType::Single:
    case QuestionType::Multiple:
        for (int o : order)
            q->options.push_back(question.options[static_cast<size_t>(o)].text);
        q->shape = question.type == QuestionType::Multiple ? AnswerShape::Several : AnswerShape::One;
        break;
    case QuestionType::Ordering:
        // The pack's order is the right one: without a shown order the phone starts from its reverse, so
        // an ordering never starts solved. Option k on the phone is order[k]; the right order names each
        // place's option by its phone index.
        if (shown.size() != n) std::reverse(order.begin(), order.end());
        for (int o : order)
            q->options.push_back(question.options[static_cast<size_t>(o)].text);
        q->shape = AnswerShape::Order;
        q->right_order.assign(n, 0);
        for (size_t k = 0; k < n; ++k)
            q->right_order[static_cast<size_t>(order[k])] = static_cast<int>(k);
        break;
    case QuestionType::TrueFalse:
        q->options = {LocalText({{"nl", "Waar"}, {"en", "True"}}),
                      LocalText({{"nl", "Niet waar"}, {"en", "False"}})};
        break;
    case QuestionType::Likert:
        if (quiz.scale_labels.size() == 5)
            q->options = quiz.scale_labels;
        else
            for (int v = 1; v <= 5; ++v)
                q->options.push_back(LocalText({{"nl", std::to_string(v)}, {"en", std::to_string(v)}}));
        break;
    }
    q->items.resize(1);
    if (q->options.empty()) return nullptr;
    return q;
}

std::shared_ptr<RoomQuestion> ExperiencedQuestion(const Pack* pack, const HelpResource* help) {
    auto q = std::make_shared<RoomQuestion>();
    q->kind = RoomQuestionKind::Experienced;
    q->title = LocalText({{"nl", "Heb jij dit zelf meegemaakt?"}, {"en", "Has this happened to you?"}});
    q->options = {LocalText({{"nl", "Ja"}, {"en", "Yes"}}), LocalText({{"nl", "Nee"}, {"en", "No"}}),
                  LocalText({{"nl", "Zeg ik liever niet"}, {"en", "I'd rather not say"}})};
    if (pack) q->default_language = pack->default_language;
    // Where to get help, low-threshold first; the handbook's "signalen ophalen, niet wachten op meldingen".
    std::map<std::string, std::string> note = {
        {"nl", "Je antwoord is anoniem. Niemand ziet wat jij kiest. Wil je erover praten? "
               "Dat mag altijd, ook later."},
        {"en", "Your answer is anonymous. Nobody sees what you choose. Want to talk about it? "
               "You always can, later too."}};
    if (pack && help)
        for (const char* lang : {"nl", "en"}) {
            const std::string& title = pack->T(help->title, lang);
            const std::string& contact = pack->T(help->contact, lang);
            if (!title.empty()) note[lang] += "\n\n" + title + (contact.empty() ? "" : ": " + contact);
        }
    q->note = LocalText(std::move(note));
    q->items.resize(1);
    return q;
}

} // namespace sb
