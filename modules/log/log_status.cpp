#include "log/log_status.h"

namespace sb {
namespace {

std::string PendingSentence(std::size_t pending, bool dutch) {
    if (pending == 0) {
        return "";
    }
    const std::string n = std::to_string(pending);
    if (dutch) {
        return pending == 1
                   ? " 1 antwoord is nog niet opgeslagen; de kiosk bewaart het zolang hij aan staat en "
                     "probeert het "
                     "opnieuw bij het volgende antwoord."
                   : " " + n +
                         " antwoorden zijn nog niet opgeslagen; de kiosk bewaart ze zolang hij aan staat en "
                         "probeert het opnieuw bij het volgende antwoord.";
    }
    return pending == 1 ? " 1 answer is not saved yet; the kiosk keeps it while it runs and tries again with "
                          "the next answer."
                        : " " + n +
                              " answers are not saved yet; the kiosk keeps them while it runs and tries "
                              "again with the "
                              "next answer.";
}

} // namespace

std::string_view LogStatusCodeName(LogStatusCode code) {
    switch (code) {
    case LogStatusCode::Ok:
        return "ok";
    case LogStatusCode::NotOpen:
        return "not-open";
    case LogStatusCode::InvalidAnswer:
        return "invalid-answer";
    case LogStatusCode::CannotOpen:
        return "cannot-open";
    case LogStatusCode::ReadOnly:
        return "read-only";
    case LogStatusCode::DiskFull:
        return "disk-full";
    case LogStatusCode::WriteError:
        return "write-error";
    case LogStatusCode::Busy:
        return "busy";
    case LogStatusCode::NotALog:
        return "not-a-log";
    case LogStatusCode::TooNew:
        return "too-new";
    case LogStatusCode::Corrupt:
        return "corrupt";
    case LogStatusCode::MovedAside:
        return "moved-aside";
    }
    return "unknown";
}

std::string LogStatus::Message(std::string_view language) const {
    const bool nl = language == "nl";
    const std::string file = path.empty() ? (nl ? "het logbestand" : "the log file") : path;
    std::string text;
    switch (code) {
    case LogStatusCode::Ok:
        text = nl ? "De antwoorden worden opgeslagen." : "Answers are being saved.";
        break;
    case LogStatusCode::NotOpen:
        text = nl ? "Er is nog geen logbestand geopend, dus antwoorden worden nog niet opgeslagen."
                  : "No log file is open yet, so answers are not being saved.";
        break;
    case LogStatusCode::InvalidAnswer:
        text =
            nl ? "Een antwoord is geweigerd omdat het onjuist was opgebouwd (een fout in het programma). "
                 "Andere antwoorden worden gewoon opgeslagen."
               : "An answer was refused because it was not built correctly (a program error). Other answers "
                 "are still saved.";
        break;
    case LogStatusCode::CannotOpen:
        text = nl ? "Het logbestand " + file +
                        " kan niet worden geopend of gemaakt. Bestaat de map? Kies een andere map met "
                        "\"logFolder\" in het configuratiebestand, of start de kiosk met --log-dir MAP."
                  : "The log file " + file +
                        " cannot be opened or created. Does the folder exist? Choose another folder with "
                        "\"logFolder\" in the config file, or start the kiosk with --log-dir DIR.";
        break;
    case LogStatusCode::ReadOnly:
        text = nl ? "De map of het bestand " + file +
                        " is alleen-lezen, dus antwoorden kunnen niet worden "
                        "opgeslagen. Kies een map waarin de kiosk mag schrijven."
                  : "The folder or file " + file +
                        " is read-only, so answers cannot be saved. Choose a folder the "
                        "kiosk may write to.";
        break;
    case LogStatusCode::DiskFull:
        text = nl ? "De schijf is vol (of het log heeft zijn maximale grootte bereikt): nieuwe antwoorden "
                    "kunnen "
                    "niet worden opgeslagen. Maak ruimte vrij."
                  : "The disk is full (or the log reached its size limit): new answers cannot be saved. Free "
                    "some "
                    "space.";
        break;
    case LogStatusCode::WriteError:
        text = nl ? "De schijf meldt een fout bij het schrijven naar " + file +
                        ". Is een USB-stick verwijderd? Controleer de schijf."
                  : "The disk reported an error while writing " + file +
                        ". Was a USB stick removed? Check the disk.";
        break;
    case LogStatusCode::Busy:
        text = nl ? "Een ander programma houdt " + file + " bezet. Sluit dat programma."
                  : "Another program is holding " + file + " locked. Close that program.";
        break;
    case LogStatusCode::NotALog:
        text = nl ? file + " is geen Stageboost-logbestand. Kies een ander bestand; dit bestand wordt niet "
                           "gewijzigd."
                  : file + " is not a Stageboost log. Choose another file; this one is left unchanged.";
        break;
    case LogStatusCode::TooNew:
        text =
            nl ? file +
                     " is gemaakt door een nieuwere versie van Stageboost. Werk Stageboost bij; het bestand "
                     "wordt niet gewijzigd."
               : file + " was written by a newer version of Stageboost. Update Stageboost; the file is left "
                        "unchanged.";
        break;
    case LogStatusCode::Corrupt:
        text = nl ? file + " is beschadigd. Bewaar een kopie voor de beheerder en kies een nieuw logbestand."
                  : file + " is damaged. Keep a copy for the administrator and choose a new log file.";
        break;
    case LogStatusCode::MovedAside:
        break; // said below
    }
    if (!moved_aside.empty()) {
        const std::string moved =
            nl ? "Het logbestand was beschadigd. Het is apart gezet als " + moved_aside +
                     " (bewaar het voor de beheerder) en er is een nieuw logbestand begonnen; er is geen "
                     "antwoord verloren gegaan."
               : "The log file was damaged. It was moved aside as " + moved_aside +
                     " (keep it for the administrator) and a new log was started; no answer was lost.";
        text = text.empty() ? moved : moved + " " + text;
    }
    return text + PendingSentence(pending, nl);
}

} // namespace sb
