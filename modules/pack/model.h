#pragma once
// The immutable model of a loaded pack. Built once by LoadPack(); every session, screen and tool reads it.
#include "core/text.h"
#include "core/expression.h"

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace sb {

struct Source {
    std::string title;
    std::string url;
};

struct Image {
    std::string src; // path relative to the pack folder
    LocalText alt;
    LocalText caption; // drawn by the kiosk under the image, in the student's language (may be empty)
};

// Who a module or a help resource is for. A workshop shows one audience's modules on home; walk-up shows
// the student's; the trainer's modules open only from the trainer menu.
enum class Audience { Student, Supervisor, Employer, Staff, Trainer };
const char* AudienceName(Audience a);
// "student", "supervisor", "employer", "staff", "trainer"; false when `name` is none of them.
bool ParseAudience(const std::string& name, Audience& out);
constexpr Audience kAudiences[] = {Audience::Student, Audience::Supervisor, Audience::Employer,
                                   Audience::Staff, Audience::Trainer};

// A glossary entry. Texts mark a use as [[id]] or [[id|shown words]]; the loader rewrites every mark to
// [[id|words]] in each language (core/marks.h), so the kiosk draws the words and opens this entry on a tap.
struct GlossaryTerm {
    std::string id;
    LocalText term, explanation;
    std::vector<std::string> aliases; // other names, shown on the card ("Ook: …")
};

// ---- lessons
enum class CalloutType { Tip, WatchOut, DidYouKnow };

struct Callout {
    CalloutType type = CalloutType::Tip;
    LocalText text;
};

struct Question;

// "Zeg het hardop": a situation, a moment to think, then example answers shown on a tap.
struct Practice {
    LocalText title;     // empty: the kiosk's "Zeg het hardop"
    LocalText situation; // Markdown subset
    LocalText think;     // the prompt for the moment to think (empty: the kiosk's own)
    LocalText
        answers_title; // the heading over the answers (empty: the kiosk's "Zo zou je het kunnen zeggen")
    std::vector<LocalText> answers;
};

struct LessonPage {
    LocalText title;
    LocalText body; // Markdown subset; may be empty on a page with a practice card or a question
    Image image;    // src empty when the page has none
    std::vector<Callout> callouts;
    LocalText reflection;
    std::shared_ptr<const Question> question; // an inline question: graded at once, never logged
    std::optional<Practice> practice;
};

struct Lesson {
    std::vector<LessonPage> pages;
};

// ---- role-plays
// A text that may change with the story: the first variant whose condition holds, else the default.
// Its strings may show variables as {name} ({{ and }} for braces); pack/roleplay_graph.h resolves both.
struct TextVariant {
    Expression condition;
    LocalText text;
};

struct StoryText {
    LocalText text;                    // the default: the only text, or the list's last entry
    std::vector<TextVariant> variants; // conditional entries before it, in order
    bool Empty() const { return text.Empty() && variants.empty(); }
};

struct Line {
    std::string speaker; // cast id, "narrator" or "you"
    StoryText text;
    Expression condition; // "if": shown only when it holds (empty: always)
    std::string mood;
    std::string image;
};

// Where a choice or a `next` leads: a node or an ending, by index.
struct Target {
    bool ending = false;
    int index = -1;
};

enum class ChoiceQuality { None, Strong, Okay, Weak };

struct Choice {
    LocalText text;
    std::string target_id;
    Target target;
    Expression condition; // empty: always available
    std::vector<Effect> effects;
    LocalText feedback;
    ChoiceQuality quality = ChoiceQuality::None;
    bool fallback = false; // shown only when no other choice is available
    bool once = false;     // hidden once it was taken in this play
    int once_index = -1;   // the slot that remembers it was taken (Roleplay::once_choices)
};

// One entry of a "next": where the story goes without asking, when `condition` holds (empty: always; the
// last entry has none).
struct Branch {
    Expression condition;
    std::string target_id;
    Target target;
};

struct Node {
    std::string id;
    std::vector<Line> lines;
    LocalText prompt;
    std::vector<Choice> choices; // a decision point when not empty
    std::vector<Branch> next;    // else: the first branch that holds
    bool fixed_order = false;    // "order": "fixed": the choices show as written, never shuffled
};

enum class Outcome { Positive, Mixed, Negative };

struct Ending {
    std::string id;
    StoryText title;
    Outcome outcome = Outcome::Mixed;
    StoryText debrief; // may be empty
    std::vector<LocalText> lessons;
    std::vector<std::string> help; // help resource ids
};

struct Variable {
    std::string name;
    Value initial;
};

struct Roleplay {
    LocalText content_warning;
    LocalText role;
    std::vector<Variable> variables;
    int start = 0;
    std::vector<Node> nodes;
    std::vector<Ending> endings;
    int once_choices = 0; // how many choices are "once"
};

// ---- quizzes
enum class QuestionType { Single, Multiple, TrueFalse, Ordering, Likert };
enum class Scoring { AllOrNothing, Partial };

struct Option {
    std::string id;
    LocalText text;
    bool correct = false;
    LocalText feedback;
};

struct Question {
    std::string id;
    QuestionType type = QuestionType::Single;
    LocalText text;
    LocalText explanation;
    double points = 1;
    std::string source;
    std::vector<Option>
        options; // single, multiple; ordering items (in the right order); truefalse: true, false
    Scoring scoring = Scoring::AllOrNothing;
    bool answer = false;  // truefalse
    std::string group;    // likert
    bool reverse = false; // likert
};

struct Band {
    double min = 0, max = 0;
    LocalText title;
    LocalText advice;
    std::vector<LocalText> tips;
};

struct QuizGroup {
    std::string id;
    LocalText title;
    std::vector<Band> bands;
};

struct Quiz {
    bool self_assessment = false;
    bool immediate_feedback = true;
    bool shuffle_questions = false;
    bool shuffle_options = false;
    std::vector<Question> questions;
    std::vector<Band> bands;
    std::vector<QuizGroup> groups;
    std::vector<LocalText> scale_labels; // 5 labels for a Likert scale
    double MaxScore() const;
};

// ---- confidence
struct ConfidenceItem {
    std::string id;
    LocalText statement, low, high;
    bool dont_know = true;
};

struct ConfidenceCheck {
    std::vector<std::string> items; // ConfidenceItem ids from the pack
    bool retrospective = false;
};

// ---- modules and the pack
enum class ModuleKind { Lesson, Roleplay, Quiz, Confidence };
const char* KindName(ModuleKind kind);

struct Module {
    ModuleKind kind = ModuleKind::Lesson;
    std::string id;
    std::string file; // relative to the pack folder
    LocalText title;
    LocalText summary;
    int minutes = 0;              // 0: not given
    std::string confidence_check; // the confidence module asked before and after this one ("check")
    std::vector<Source> sources;
    std::vector<Audience> audiences{Audience::Student}; // "audience": one name or a list
    bool For(Audience a) const;
    std::variant<Lesson, Roleplay, Quiz, ConfidenceCheck> content;

    const Lesson* AsLesson() const { return std::get_if<Lesson>(&content); }
    const Roleplay* AsRoleplay() const { return std::get_if<Roleplay>(&content); }
    const Quiz* AsQuiz() const { return std::get_if<Quiz>(&content); }
    const ConfidenceCheck* AsConfidence() const { return std::get_if<ConfidenceCheck>(&content); }
};

struct CastMember {
    std::string id;
    LocalText name;
    LocalText role;
    std::string portrait;
    uint32_t colour = 0x0B5F59; // 0xRRGGBB
};

struct HelpResource {
    std::string id;
    LocalText title, text, contact;
    std::vector<Audience> audiences{Audience::Student};
    bool For(Audience a) const;
};

struct Pack {
    int format = 1;
    std::string dir; // folder on disk
    std::string id, version;
    LocalText title, description;
    std::vector<std::string> languages;
    std::string default_language;
    std::vector<std::string> authors;
    std::string licence;
    std::vector<Module> modules;
    std::vector<CastMember> cast;
    std::vector<ConfidenceItem> confidence_items;
    std::string session_confidence_check; // asked at the start and end of a session ("sessionCheck")
    std::vector<HelpResource> help;
    std::vector<LocalText> attract;
    std::vector<LocalText> end_tips;
    std::vector<GlossaryTerm> glossary;
    std::vector<std::string> explain; // glossary ids the pack must mark at least once

    const GlossaryTerm* FindTerm(const std::string& id) const;
    const Module* FindModule(const std::string& id) const;
    const CastMember* FindCast(const std::string& id) const;
    const HelpResource* FindHelp(const std::string& id) const;
    const ConfidenceItem* FindConfidenceItem(const std::string& id) const;
    // A text in `lang`, falling back to the pack's default language.
    const std::string& T(const LocalText& text, const std::string& lang) const {
        return text.Get(lang, default_language);
    }
};

} // namespace sb
