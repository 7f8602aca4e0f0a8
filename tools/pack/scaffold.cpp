// `stageboost-pack new DIR`: a small working pack with one module of each kind, ready to edit.
#include "schemas.h"
#include "tool.h"

#include <filesystem>
#include <fstream>
#include <string_view>

namespace fs = std::filesystem;

namespace sb {

namespace {

const char* const kPack = R"JSON({
  "$schema": ".schema/pack.schema.json",
  "format": 1,
  "id": "mijn-pack",
  "version": "0.1.0",
  "title": {"nl": "Mijn pakket", "en": "My pack"},
  "description": {"nl": "Een eerste pakket om mee te beginnen.", "en": "A first pack to start from."},
  "languages": ["nl", "en"],
  "defaultLanguage": "nl",
  "authors": ["Jouw school"],
  "licence": "CC BY-SA 4.0",
  "modules": ["check.json", "les.json", "rollenspel.json", "quiz.json"],
  "cast": [
    {"id": "begeleider", "name": {"nl": "Stagebegeleider", "en": "Internship supervisor"}, "colour": "#0B5F59"}
  ],
  "confidenceItems": [
    {"id": "voorbereid", "statement": {"nl": "Ik voel me voorbereid op mijn stage.", "en": "I feel prepared for my internship."},
     "low": {"nl": "Helemaal niet", "en": "Not at all"}, "high": {"nl": "Helemaal wel", "en": "Completely"}, "dontKnow": true}
  ],
  "sessionCheck": "check",
  "help": [
    {"id": "school", "title": {"nl": "Je school", "en": "Your school"},
     "text": {"nl": "Praat met je stagebegeleider of de vertrouwenspersoon van je school.", "en": "Talk to your internship supervisor or your school's confidential adviser."}}
  ],
  "glossary": [
    {"id": "praktijkopleider", "term": {"nl": "praktijkopleider", "en": "workplace supervisor"},
     "explanation": {"nl": "Je begeleider op je stageplek. Hij of zij weet wat je moet leren.", "en": "Your supervisor at the workplace, who knows what you need to learn."}}
  ],
  "explain": ["praktijkopleider"]
}
)JSON";

const char* const kCheck = R"JSON({
  "$schema": ".schema/confidence.schema.json",
  "format": 1,
  "kind": "confidence",
  "id": "check",
  "title": {"nl": "Hoe zeker ben je?", "en": "How confident are you?"},
  "items": ["voorbereid"],
  "retrospective": true
}
)JSON";

const char* const kLesson = R"JSON({
  "$schema": ".schema/lesson.schema.json",
  "format": 1,
  "kind": "lesson",
  "id": "les",
  "audience": "student",
  "title": {"nl": "Je eerste stagedag", "en": "Your first day"},
  "summary": {"nl": "Wat kun je verwachten?", "en": "What can you expect?"},
  "minutes": 3,
  "pages": [
    {
      "title": {"nl": "Welkom", "en": "Welcome"},
      "body": {"nl": "Op je eerste dag maak je kennis.\n\n- Wie is je **[[praktijkopleider]]**?\n- Wat zijn je *leerdoelen*?",
               "en": "On your first day you get to know people.\n\n- Who is your **[[praktijkopleider]]**?\n- What are your *learning goals*?"},
      "callouts": [{"type": "tip", "text": {"nl": "Schrijf je vragen vooraf op.", "en": "Write your questions down beforehand."}}],
      "reflection": {"nl": "Wat wil jij op dag één weten?", "en": "What do you want to know on day one?"}
    },
    {
      "title": {"nl": "Zeg het hardop", "en": "Say it out loud"},
      "practice": {
        "situation": {"nl": "Je krijgt een taak die je niet snapt.", "en": "You're given a task you don't understand."},
        "answers": [{"nl": "'Kun je het nog één keer laten zien?'", "en": "'Could you show me once more?'"}]
      },
      "question": {"type": "truefalse", "text": {"nl": "Vragen stellen mag op je stage.", "en": "Asking questions is fine on your internship."}, "answer": true}
    }
  ],
  "sources": [{"title": "Jouw bron"}]
}
)JSON";

const char* const kRoleplay = R"JSON({
  "$schema": ".schema/roleplay.schema.json",
  "//": "Fields starting with // or _ are notes for authors: the kiosk and the validator ignore them.",
  "format": 2,
  "kind": "roleplay",
  "id": "rollenspel",
  "title": {"nl": "Een vraag stellen", "en": "Asking a question"},
  "summary": {"nl": "Je weet niet wat je moet doen. Wat nu?", "en": "You don't know what to do. Now what?"},
  "contentWarning": {"nl": "Dit rollenspel gaat over onzekerheid op je stage.", "en": "This role-play is about feeling unsure at your internship."},
  "variables": {"asked": false, "tries": 0},
  "start": "begin",
  "nodes": [
    {
      "id": "begin",
      "_note": "Choices show in a shuffled order, new for every play.",
      "lines": [
        {"speaker": "narrator", "text": {"nl": "Je eerste week. Je krijgt een taak die je niet snapt.", "en": "Your first week. You get a task you don't understand."}},
        {"speaker": "begeleider", "text": {"nl": "Lukt het?", "en": "How's it going?"}, "mood": "neutral"}
      ],
      "prompt": {"nl": "Wat zou jij doen?", "en": "What would you do?"},
      "choices": [
        {"text": {"nl": "Ik vraag wat ze bedoelt.", "en": "I ask what she means."}, "target": "uitleg", "effects": ["asked = true"],
         "feedback": {"nl": "Goed: vragen stellen laat zien dat je wilt leren.", "en": "Good: asking shows that you want to learn."}, "quality": "strong"},
        {"text": {"nl": "Ik zeg dat het lukt.", "en": "I say it's fine."}, "target": "later", "effects": ["tries += 1"],
         "feedback": {"nl": "Begrijpelijk, maar nu loop je vast.", "en": "Understandable, but now you get stuck."}, "quality": "weak"},
        {"text": {"nl": "Ik doe maar wat.", "en": "I just guess."}, "target": "einde_fout",
         "feedback": {"nl": "Gokken kost vaak meer tijd.", "en": "Guessing often costs more time."}, "quality": "weak"}
      ]
    },
    {
      "id": "later",
      "lines": [
        {"speaker": "narrator", "text": [
          {"if": "tries >= 2", "text": {"nl": "Poging {tries}, en het lukt nog steeds niet.", "en": "Try {tries}, and it still doesn't work."}},
          {"text": {"nl": "Een uur later ben je nog niet verder.", "en": "An hour later you are still stuck."}}
        ]},
        {"if": "tries >= 2", "speaker": "begeleider", "text": {"nl": "Zal ik even meekijken?", "en": "Shall I have a look?"}, "mood": "worried"}
      ],
      "prompt": {"nl": "Wat nu?", "en": "What now?"},
      "choices": [
        {"text": {"nl": "Ik probeer het nog één keer zelf.", "en": "I try once more on my own."}, "target": "later", "once": true, "effects": ["tries += 1"],
         "feedback": {"nl": "Zelf proberen mag, maar niet eindeloos.", "en": "Trying yourself is fine, but not forever."}, "quality": "okay"},
        {"text": {"nl": "Ik vraag het toch.", "en": "I ask after all."}, "target": "uitleg", "condition": "tries < 2", "effects": ["asked = true"],
         "feedback": {"nl": "Het is nooit te laat om te vragen.", "en": "It is never too late to ask."}, "quality": "okay"},
        {"text": {"nl": "Ik zeg: graag, kijk even mee.", "en": "I say: yes please, have a look."}, "target": "uitleg", "fallback": true, "effects": ["asked = true"],
         "feedback": {"nl": "Hulp aannemen is ook een vaardigheid.", "en": "Accepting help is a skill too."}, "quality": "strong"}
      ]
    },
    {
      "id": "uitleg",
      "lines": [{"speaker": "begeleider", "text": {"nl": "Goed dat je het vraagt! Ik laat het zien.", "en": "Good that you ask! Let me show you."}, "mood": "happy"}],
      "next": [
        {"if": "tries == 0", "target": "einde_goed"},
        {"target": "terugblik"}
      ]
    },
    {
      "id": "terugblik",
      "lines": [{"speaker": "narrator", "text": {"nl": "Het lukt nu. Je hebt er {tries} keer zelf mee geworsteld.", "en": "It works now. You struggled with it {tries} times on your own."}}],
      "prompt": {"nl": "Hoe makkelijk vind je het om hulp te vragen?", "en": "How easy is it for you to ask for help?"},
      "order": "fixed",
      "choices": [
        {"text": {"nl": "1 — moeilijk", "en": "1 — hard"}, "target": "einde_goed", "feedback": {"nl": "Dat herkennen veel studenten.", "en": "Many students recognise that."}},
        {"text": {"nl": "2 — het gaat", "en": "2 — it's okay"}, "target": "einde_goed", "feedback": {"nl": "Het wordt makkelijker met oefenen.", "en": "It gets easier with practice."}},
        {"text": {"nl": "3 — makkelijk", "en": "3 — easy"}, "target": "einde_goed", "feedback": {"nl": "Mooi, houd dat vast.", "en": "Great, keep that up."}}
      ]
    }
  ],
  "endings": [
    {"id": "einde_goed", "outcome": "positive",
     "title": [
       {"if": "tries > 0", "text": {"nl": "Je vroeg het na {tries} poging(en)", "en": "You asked after {tries} tries"}},
       {"text": {"nl": "Je leert snel", "en": "You learn fast"}}
     ],
     "debrief": {"nl": "Door te vragen kom je verder.", "en": "Asking gets you further."},
     "lessons": [{"nl": "Vragen is leren.", "en": "Asking is learning."}], "help": ["school"]},
    {"id": "einde_fout", "title": {"nl": "Dat ging mis", "en": "That went wrong"}, "outcome": "negative",
     "_note": "An ending without a debrief: the lessons say it all.",
     "lessons": [{"nl": "Vraag op tijd om uitleg.", "en": "Ask for an explanation in time."}], "help": ["school"]}
  ]
}
)JSON";

const char* const kQuiz = R"JSON({
  "$schema": ".schema/quiz.schema.json",
  "format": 1,
  "kind": "quiz",
  "id": "quiz",
  "title": {"nl": "Wat weet je al?", "en": "What do you know?"},
  "mode": "knowledge",
  "feedback": "immediate",
  "questions": [
    {"id": "vraag-1", "type": "truefalse", "text": {"nl": "Je mag op je stage vragen stellen.", "en": "You may ask questions at your internship."},
     "answer": true, "feedbackTrue": {"nl": "Klopt!", "en": "Right!"}, "feedbackFalse": {"nl": "Jawel: vragen hoort bij leren.", "en": "You may: asking is part of learning."}},
    {"id": "vraag-2", "type": "single", "text": {"nl": "Wie begeleidt je op je stageplek?", "en": "Who guides you at your workplace?"},
     "options": [
       {"id": "a", "text": {"nl": "De praktijkopleider", "en": "The workplace supervisor"}, "correct": true, "feedback": {"nl": "Ja.", "en": "Yes."}},
       {"id": "b", "text": {"nl": "Niemand", "en": "Nobody"}, "feedback": {"nl": "Er hoort altijd iemand te zijn.", "en": "There should always be someone."}}
     ]}
  ],
  "bands": [
    {"min": 0, "max": 1, "title": {"nl": "Goed begin", "en": "Good start"}, "advice": {"nl": "Lees de les nog eens.", "en": "Read the lesson again."}},
    {"min": 2, "max": 2, "title": {"nl": "Je weet het", "en": "You know it"}, "advice": {"nl": "Deel het met een klasgenoot.", "en": "Share it with a classmate."}}
  ]
}
)JSON";

bool Write(const fs::path& path, std::string_view text, std::string& error) {
    std::ofstream out(path, std::ios::binary);
    out << text;
    if (!out) {
        error = "Could not write " + path.string();
        return false;
    }
    return true;
}

} // namespace

bool ScaffoldPack(const std::string& dir, std::string& error) {
    std::error_code ec;
    const fs::path root(dir);
    if (fs::exists(root / "pack.json", ec)) {
        error = dir + " already holds a pack.json; choose a new folder so nothing is overwritten.";
        return false;
    }
    fs::create_directories(root / ".schema", ec);
    if (ec) {
        error = "Could not create " + dir + ": " + ec.message();
        return false;
    }
    // A copy of the schemas beside the pack, so editors validate it wherever the folder goes. They are built
    // into the tool, so this works from an installed package as well as from a build tree.
    for (const EmbeddedFile& schema : EmbeddedSchemas())
        if (!Write(root / ".schema" / schema.name, schema.text, error)) return false;
    return Write(root / "pack.json", kPack, error) && Write(root / "check.json", kCheck, error) &&
           Write(root / "les.json", kLesson, error) && Write(root / "rollenspel.json", kRoleplay, error) &&
           Write(root / "quiz.json", kQuiz, error);
}

} // namespace sb
