// kind: lesson.
#include "pack/loader_internal.h"

namespace sb::loader_detail {

void ReadLesson(Reader& r, LoadContext& ctx, const JsonSource& src, Module& m) {
    Lesson lesson;
    const json& root = src.root;
    const json* pages = r.Get(root, "", "pages", JsonKind::Array, true);
    if (pages && pages->empty())
        r.Error("/pages", "empty-list", "A lesson needs at least one page.",
                "Een les heeft minstens één pagina nodig.");
    if (pages) {
        for (size_t i = 0; i < pages->size(); ++i) {
            const json& p = (*pages)[i];
            const std::string ptr = PointerAppend("/pages", i);
            if (!p.is_object()) {
                r.Error(ptr, "wrong-type", "Each page should be an object { \"title\": …, \"body\": … }.",
                        "Elke pagina hoort een object { \"title\": …, \"body\": … } te zijn.");
                continue;
            }
            r.CheckFields(p, ptr,
                          {"title", "body", "image", "callouts", "reflection", "question", "practice"});
            LessonPage page;
            page.title = r.Text(p, ptr, "title", true, kLongOption);
            {
                Reader::MarksHere marks(r);
                // A page that is only a practice card or a question needs no text of its own.
                const bool own_body = !(p.contains("practice") || p.contains("question"));
                page.body = r.Text(p, ptr, "body", own_body, kLongPage);
            }
            page.reflection = r.Text(p, ptr, "reflection", false, kLongLine);
            if (const json* img = r.Get(p, ptr, "image", JsonKind::Object, false)) {
                const std::string iptr = PointerAppend(ptr, "image");
                r.CheckFields(*img, iptr, {"src", "alt", "caption"});
                page.image.src = r.Str(*img, iptr, "src", true);
                page.image.alt = r.Text(*img, iptr, "alt", true);
                page.image.caption = r.Text(*img, iptr, "caption", false, kLongLine);
                AddMedia(ctx, src, PointerAppend(iptr, "src"), page.image.src);
            }
            if (const json* cs = r.Get(p, ptr, "callouts", JsonKind::Array, false)) {
                for (size_t k = 0; k < cs->size(); ++k) {
                    const json& c = (*cs)[k];
                    const std::string cptr = PointerAppend(PointerAppend(ptr, "callouts"), k);
                    r.CheckFields(c, cptr, {"type", "text"});
                    Callout callout;
                    const std::string type = r.Str(c, cptr, "type", true);
                    if (type == "tip")
                        callout.type = CalloutType::Tip;
                    else if (type == "watch-out")
                        callout.type = CalloutType::WatchOut;
                    else if (type == "did-you-know")
                        callout.type = CalloutType::DidYouKnow;
                    else if (!type.empty())
                        r.Error(
                            PointerAppend(cptr, "type"), "bad-value",
                            "\"" + type +
                                "\" is not a callout type. Use \"tip\", \"watch-out\" or \"did-you-know\".",
                            "\"" + type +
                                "\" is geen soort callout. Gebruik \"tip\", \"watch-out\" of "
                                "\"did-you-know\".");
                    Reader::MarksHere marks(r);
                    callout.text = r.Text(c, cptr, "text", true, kLongLine);
                    page.callouts.push_back(std::move(callout));
                }
            }
            if (const json* qj = r.Get(p, ptr, "question", JsonKind::Object, false)) {
                const std::string qptr = PointerAppend(ptr, "question");
                // A knowledge question, graded at once; an ordering or a likert needs the quiz screen.
                r.CheckFields(*qj, qptr,
                              {"id", "type", "text", "explanation", "options", "answer", "feedbackTrue",
                               "feedbackFalse"});
                auto q = std::make_shared<Question>();
                q->id = r.Str(*qj, qptr, "id", false, JsonKind::Id);
                if (ReadQuestion(r, *qj, qptr, false, {}, *q)) {
                    if (q->type == QuestionType::Ordering || q->type == QuestionType::Likert)
                        r.Error(
                            PointerAppend(qptr, "type"), "bad-value",
                            "A question on a lesson page is single, multiple or truefalse. Put an ordering "
                            "question in a quiz.",
                            "Een vraag op een lespagina is single, multiple of truefalse. Zet een "
                            "volgordevraag in een quiz.");
                    else
                        page.question = std::move(q);
                }
            }
            if (const json* pj = r.Get(p, ptr, "practice", JsonKind::Object, false)) {
                const std::string pptr = PointerAppend(ptr, "practice");
                r.CheckFields(*pj, pptr, {"title", "situation", "think", "answersTitle", "answers"});
                Reader::MarksHere marks(r);
                Practice practice;
                practice.title = r.Text(*pj, pptr, "title", false, kLongOption);
                practice.situation = r.Text(*pj, pptr, "situation", true, kLongPage);
                practice.think = r.Text(*pj, pptr, "think", false, kLongLine);
                practice.answers_title = r.Text(*pj, pptr, "answersTitle", false, kLongOption);
                if (r.Get(*pj, pptr, "answers", JsonKind::Array, true)) {
                    practice.answers = r.TextList(*pj, pptr, "answers", kLongLine);
                    if (practice.answers.empty())
                        r.Error(PointerAppend(pptr, "answers"), "empty-list",
                                "Give at least one example answer: it is shown when the student taps.",
                                "Geef minstens één voorbeeldantwoord: dat verschijnt als de student tikt.");
                }
                page.practice = std::move(practice);
            }
            lesson.pages.push_back(std::move(page));
        }
    }
    m.content = std::move(lesson);
}

} // namespace sb::loader_detail
