#include "ui/strings.h"

#include <array>

namespace sb {

namespace {

struct Entry {
    const char* key;
    const char* nl;
    const char* en;
};

// Dutch at B1 level: short sentences, everyday words.
constexpr Entry kStrings[] = {
    {"app.title", "Stageboost", "Stageboost"},
    {"start.tagline", "Klaar voor je stage?", "Ready for your internship?"},
    {"start.intro",
     "Oefen hier in je eigen tempo. Je leert wat je kunt verwachten, wat je zegt als iemand je "
     "anders behandelt, en waar je terechtkunt. Alles is anoniem: we vragen nooit je naam.",
     "Practise here at your own pace. Learn what to expect, what to say when someone treats you "
     "differently, and where to get help. Everything is anonymous: we never ask your name."},
    {"start.quote", "“Voorbereiden op discriminatie is geen taboe.” – uit de Aanpak Gelijke stagekansen 010",
     "“Preparing for discrimination is not taboo.” – from the Rotterdam approach to equal internship "
     "chances"},
    {"start.button", "Start", "Start"},
    {"start.language", "Taal", "Language"},
    {"lang.nl", "Nederlands", "Nederlands"},
    {"lang.en", "English", "English"},
    {"common.back", "← Terug", "← Back"},
    {"common.next", "Verder →", "Next →"},
    {"common.home", "Naar het begin", "Back to start"},
    {"common.close", "Sluiten", "Close"},
    {"common.minutes", "± %d min", "± %d min"},
    {"home.title", "Waar wil je mee oefenen?", "What would you like to practise?"},
    {"home.finished", "Gedaan", "Done"},
    {"home.empty", "Er zijn nog geen modules. Vraag je trainer om een pakket te laden.",
     "There are no modules yet. Ask your trainer to load a pack."},
    {"home.soon", "Deze module komt binnenkort op de kiosk.", "This module is coming to the kiosk soon."},
    {"kind.lesson", "Les", "Lesson"},
    {"kind.roleplay", "Rollenspel", "Role-play"},
    {"kind.quiz", "Quiz", "Quiz"},
    {"kind.confidence", "Check", "Check"},
    {"module.gone", "Deze module bestaat niet meer in het pakket.", "This module is no longer in the pack."},
    {"module.sources", "Bronnen", "Sources"},
    {"roleplay.warning", "Waar gaat dit over?", "What is this about?"},
    {"roleplay.howto",
     "Je leest het gesprek zin voor zin. Bij elke keuze zie je wat er gebeurt en waarom. Je kunt altijd "
     "terug.",
     "You read the conversation line by line. After each choice you see what happens and why. You can always "
     "go back."},
    {"roleplay.howto.workshop",
     "Klassikaal: bij elke keuze bespreekt de groep eerst de opties. Daarna kiest de trainer.",
     "Classroom: at each decision the group first discusses the options. Then the trainer chooses."},
    {"roleplay.begin", "Begin", "Begin"},
    {"roleplay.skip", "Kies iets anders", "Choose something else"},
    {"roleplay.undo", "← Vorige keuze", "← Previous choice"},
    {"roleplay.restart", "Opnieuw", "Start over"},
    {"roleplay.next", "Verder", "Continue"},
    {"roleplay.tap", "Tik of druk op spatie voor de volgende zin", "Tap or press Space for the next line"},
    {"roleplay.choose", "Wat doe jij?", "What do you do?"},
    {"roleplay.feedback", "Wat er gebeurde", "What happened"},
    {"roleplay.discuss", "Bespreek met de groep", "Discuss with the group"},
    {"roleplay.hands", "handen", "hands"},
    {"roleplay.vote", "Wie kiest welke optie? Tel de handen.", "Who picks which option? Count the hands."},
    {"roleplay.pick", "Deze kiezen we", "We choose this"},
    {"roleplay.keys.workshop", "↑↓ optie · ←→ handen tellen · PgDn kiezen · PgUp terug",
     "↑↓ option · ←→ count hands · PgDn choose · PgUp back"},
    {"roleplay.you", "Jij", "You"},
    {"roleplay.ending", "Einde", "Ending"},
    {"outcome.positive", "Sterk afgesloten", "A strong ending"},
    {"outcome.mixed", "Half gelukt", "Partly there"},
    {"outcome.negative", "Dit liep lastig af", "This ended badly"},
    {"debrief.lessons", "Wat je meeneemt", "What to take with you"},
    {"debrief.path", "Jouw keuzes", "Your choices"},
    {"debrief.your_choice", "Jij koos", "You chose"},
    {"debrief.other", "Andere optie", "Other option"},
    {"debrief.others.show", "Andere opties (%d) ▾", "Other options (%d) ▾"},
    {"debrief.others.hide", "Andere opties ▴", "Other options ▴"},
    {"debrief.leads", "mogelijke afloop:", "possible endings:"},
    {"debrief.class", "De klas", "The class"},
    {"debrief.help", "Hier kun je terecht", "Where to get help"},
    {"debrief.again", "Nog een keer spelen", "Play again"},
    {"debrief.home", "Klaar", "Done"},
    {"lesson.close", "✕ Sluiten", "✕ Close"},
    {"lesson.progress", "pagina %d van %d", "page %d of %d"},
    {"lesson.tip", "Tip", "Tip"},
    {"lesson.watch", "Let op", "Watch out"},
    {"lesson.know", "Wist je dat?", "Did you know?"},
    {"lesson.reflect", "Denk er even over na", "Think about it"},
    {"lesson.done", "Klaar ✓", "Done ✓"},
    {"quiz.progress", "vraag %d van %d", "question %d of %d"},
    {"quiz.hint.single", "Kies één antwoord.", "Choose one answer."},
    {"quiz.hint.multiple", "Kies alle antwoorden die kloppen.", "Choose every answer that is right."},
    {"quiz.hint.truefalse", "Klopt dit?", "Is this true?"},
    {"quiz.hint.ordering", "Zet de stappen in de goede volgorde met ↑ en ↓.",
     "Put the steps in the right order with ↑ and ↓."},
    {"quiz.hint.likert", "Hoe goed past dit bij jou? Er is geen goed of fout.",
     "How well does this fit you? There is no right or wrong."},
    {"quiz.true", "Waar", "True"},
    {"quiz.false", "Niet waar", "False"},
    {"quiz.scale.1", "Helemaal niet", "Not at all"},
    {"quiz.scale.2", "Een beetje", "A little"},
    {"quiz.scale.3", "Gedeeltelijk", "Partly"},
    {"quiz.scale.4", "Grotendeels", "Mostly"},
    {"quiz.scale.5", "Helemaal wel", "Completely"},
    {"quiz.belongs", "Deze stap hoort op plek %d.", "This step belongs in place %d."},
    {"quiz.right", "✓ Goed.", "✓ Right."},
    {"quiz.wrong", "✗ Niet goed.", "✗ Not right."},
    {"quiz.missed", "✓ Dit is het goede antwoord.", "✓ This is the right answer."},
    {"quiz.missed.multiple", "✓ Dit hoorde er ook bij.", "✓ This one was right too."},
    {"quiz.order.right", "De goede volgorde", "The right order"},
    {"quiz.order.good", "✓ Helemaal goed: dit is de goede volgorde.",
     "✓ All right: this is the right order."},
    {"quiz.explanation", "Uitleg", "Explanation"},
    {"quiz.check", "Controleer", "Check"},
    {"quiz.result", "Naar je uitslag", "See your result"},
    {"quiz.score", "Je hebt %s van de %s punten", "You scored %s of %s points"},
    {"quiz.tips", "Tips voor jou", "Tips for you"},
    {"quiz.review", "Je antwoorden", "Your answers"},
    {"quiz.profile", "Jouw profiel", "Your profile"},
    {"quiz.profile.note",
     "Dit is geen cijfer. Het laat zien waar je al sterk in bent en waar je nog kunt groeien.",
     "This is not a grade. It shows where you are already strong and where you can still grow."},
    {"quiz.profile.skipped", "Je hebt deze stellingen overgeslagen.", "You skipped these statements."},
    {"quiz.retry", "Opnieuw proberen", "Try again"},
    {"start.tap", "Tik om te beginnen", "Tap to start"},
    {"welcome.language", "Kies je taal", "Choose your language"},
    {"welcome.size", "Tekstgrootte", "Text size"},
    {"welcome.display", "Weergave", "Display"},
    {"welcome.contrast", "Meer contrast", "More contrast"},
    {"welcome.contrast.on", "✓ Meer contrast", "✓ More contrast"},
    {"welcome.dyslexia", "Letter voor dyslexie", "Dyslexia-friendly letters"},
    {"welcome.dyslexia.on", "✓ Letter voor dyslexie", "✓ Dyslexia-friendly letters"},
    {"welcome.anonymous", "Je hoeft je naam niet te geven. Niemand kan zien wat jij hier doet.",
     "You never give your name. Nobody can see what you do here."},
    {"check.progress", "%d van %d", "%d of %d"},
    {"check.pre", "Voor je begint", "Before you start"},
    {"check.post", "Na afloop", "Afterwards"},
    {"check.retro", "Terugkijken", "Looking back"},
    {"check.retro.question", "Kijk nu terug: hoe zeker was je vóór je begon?",
     "Looking back now: how confident were you before you started?"},
    {"check.dontknow", "Weet ik niet", "Don't know"},
    {"check.skip", "Overslaan", "Skip"},
    {"check.anonymous", "Anoniem: we bewaren alleen je antwoord, de datum en het dagdeel. Nooit je naam.",
     "Anonymous: we only keep your answer, the date and the part of the day. Never your name."},
    {"home.done", "Ik ben klaar", "I'm done"},
    {"end.title", "Goed gedaan!", "Well done!"},
    {"end.intro", "Je hebt geoefend voor je stage. Neem deze tips mee.",
     "You practised for your internship. Take these tips with you."},
    {"end.tips", "Onthoud", "Remember"},
    {"end.bye", "Tot ziens", "Goodbye"},
    {"idle.title", "Ben je er nog?", "Are you still there?"},
    {"idle.text", "Tik op het scherm om verder te gaan. Anders begint de kiosk opnieuw en wissen we alles.",
     "Tap the screen to go on. Otherwise the kiosk starts over and everything is wiped."},
    {"idle.button", "Ja, ik ben er nog", "Yes, I'm still here"},
    {"pin.title", "Trainer", "Trainer"},
    {"pin.none",
     "Let op: er is geen PIN ingesteld, dus iedereen kan dit menu openen. Stel er een in met: echo 1234 | "
     "stageboost --set-pin",
     "Note: no PIN has been set, so anyone can open this menu. Set one with: echo 1234 | stageboost "
     "--set-pin"},
    {"pin.wrong", "Deze PIN klopt niet.", "That PIN is not right."},
    {"pin.locked", "Te vaak een verkeerde PIN. Wacht %d seconden.", "Too many wrong PINs. Wait %d seconds."},
    {"trainer.title", "Trainersmenu", "Trainer menu"},
    {"trainer.label", "Kiosk:", "Kiosk:"},
    {"trainer.leave", "← Terug naar de kiosk", "← Back to the kiosk"},
    {"trainer.exit", "Afsluiten", "Exit"},
    {"trainer.mode", "Modus", "Mode"},
    {"trainer.walkup", "Inloop (één student)", "Walk-up (one student)"},
    {"trainer.workshop", "Workshop (klas)", "Workshop (class)"},
    {"trainer.results", "Resultaten en export", "Results and export"},
    {"trainer.results.open", "Resultaten voor de klas", "Results for the class"},
    {"trainer.export", "Exporteer de log naar", "Export the log to"},
    {"trainer.export.open", "Log exporteren…", "Export the log…"},
    {"trainer.exported", "Geëxporteerd naar", "Exported to"},
    {"trainer.save.failed",
     "De instellingen konden niet worden bewaard:", "The settings could not be saved:"},
    {"export.title", "Log exporteren", "Export the log"},
    {"export.intro", "Kies waar de anonieme log heen gaat, bijvoorbeeld een USB-stick.",
     "Choose where the anonymous log goes, for example a USB stick."},
    {"trainer.export.failed", "Exporteren lukte niet:", "Export failed:"},
    {"trainer.modules", "Modules die studenten zien", "Modules students see"},
    {"trainer.idle", "Wachttijd", "Idle time"},
    {"trainer.idle.after", "\"Ben je er nog?\" na %d s", "\"Are you still there?\" after %d s"},
    {"trainer.idle.countdown", "Aftellen: %d s", "Countdown: %d s"},
    {"trainer.display", "Weergave", "Display"},
    {"trainer.log.problem", "Probleem met de log", "Problem with the log"},
    {"results.title", "Hoe zeker voelt de groep zich?", "How confident does the group feel?"},
    {"results.today", "Vandaag", "Today"},
    {"results.week", "Week", "Week"},
    {"results.all", "Alles", "All"},
    {"results.before", "Voor", "Before"},
    {"results.after", "Na", "After"},
    {"results.n", "%d deelnemers met een voor- en nameting",
     "%d participants with a before and after answer"},
    {"results.waiting", "%d nog niet getoond: hun groep van 5 is nog niet compleet.",
     "%d not shown yet: their group of 5 is not complete."},
    {"results.empty", "Nog geen complete groep van 5 in deze periode.",
     "No complete group of 5 in this period yet."},
    {"results.nolog", "Er is geen log geopend.", "No log is open."},
    {"results.rule",
     "We tonen alleen complete groepen van minstens 5 studenten, zodat niemand te herkennen is.",
     "Only complete groups of at least 5 students are shown, so nobody can be recognised."},
    {"mood.happy", "blij", "happy"},
    {"mood.worried", "bezorgd", "worried"},
    {"mood.angry", "boos", "angry"},
    {"mood.sad", "verdrietig", "sad"},
    {"mood.surprised", "verbaasd", "surprised"},
    {"diag.title", "Pakketten met fouten", "Packs with errors"},
    {"diag.intro", "Deze pakketten worden niet getoond tot de fouten zijn opgelost.",
     "These packs are not shown until their errors are fixed."},
    {"diag.none", "Alle pakketten zijn in orde.", "All packs are fine."},
    {"diag.button", "Meldingen bij pakketten", "Pack diagnostics"},
};

} // namespace

const char* Tr(std::string_view lang, std::string_view key) {
    for (const Entry& e : kStrings) {
        if (key != e.key) continue;
        if (lang == "en" && e.en && *e.en) return e.en;
        return e.nl;
    }
    return key.data();
}

bool StringsComplete(std::string& missing) {
    for (const Entry& e : kStrings) {
        if (!e.nl || !*e.nl || !e.en || !*e.en) {
            missing = e.key;
            return false;
        }
    }
    return true;
}

} // namespace sb
