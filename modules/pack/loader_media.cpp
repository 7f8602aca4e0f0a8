// Images: inside the pack, PNG or JPEG, within the size limits; read only their headers.
#include "pack/loader_internal.h"

#include <stb_image.h>

#include <fstream>

namespace sb::loader_detail {

void CheckMedia(LoadContext& ctx) {
    std::set<std::string> checked;
    for (const MediaRef& ref : ctx.media) {
        auto report = [&](const char* code, std::string en, std::string nl) {
            ctx.diags.Add({ref.file, ref.pos.line, ref.pos.column, ref.pointer, Severity::Error, code,
                           std::move(en), std::move(nl)});
        };
        const fs::path rel(ref.path);
        bool dotdot = false;
        for (const auto& part : rel)
            dotdot = dotdot || part == "..";
        if (rel.is_absolute() || dotdot || ref.path.find('\\') != std::string::npos) {
            report("media-outside",
                   "\"" + ref.path +
                       "\" points outside the pack. Put the image inside the pack folder and use a relative "
                       "path such as \"images/photo.png\", without '..'.",
                   "\"" + ref.path +
                       "\" wijst buiten het pakket. Zet de afbeelding in de pakketmap en gebruik een "
                       "relatief pad zoals \"images/foto.png\", zonder '..'.");
            continue;
        }
        std::error_code ec;
        const fs::path full = ctx.root / rel;
        if (!fs::exists(full, ec)) {
            report(
                "media-missing",
                "The image \"" + ref.path +
                    "\" is not in the pack. Check the spelling (names are case-sensitive) or add the file.",
                "De afbeelding \"" + ref.path +
                    "\" staat niet in het pakket. Controleer de spelling (hoofdletters tellen) of voeg het "
                    "bestand toe.");
            continue;
        }
        const fs::path canonical = fs::canonical(full, ec);
        const std::string root_s = ctx.root.string() + "/";
        if (ec || canonical.string().compare(0, root_s.size(), root_s) != 0) {
            report(
                "media-outside",
                "\"" + ref.path +
                    "\" is a link to a file outside the pack. Copy the image into the pack folder instead.",
                "\"" + ref.path +
                    "\" is een link naar een bestand buiten het pakket. Kopieer de afbeelding in de "
                    "pakketmap.");
            continue;
        }
        if (!checked.insert(canonical.string()).second) continue;
        const auto size = fs::file_size(canonical, ec);
        if (ec || !fs::is_regular_file(canonical, ec)) {
            report("media-missing", "\"" + ref.path + "\" is not a readable file.",
                   "\"" + ref.path + "\" is geen leesbaar bestand.");
            continue;
        }
        if (size > ctx.options.max_media_bytes) {
            report("media-too-large",
                   "\"" + ref.path + "\" is " + std::to_string(size / 1024) + " KiB; the limit is " +
                       std::to_string(ctx.options.max_media_bytes / 1024) +
                       " KiB. Save it smaller (1600 px wide is plenty).",
                   "\"" + ref.path + "\" is " + std::to_string(size / 1024) + " KiB; de grens is " +
                       std::to_string(ctx.options.max_media_bytes / 1024) +
                       " KiB. Sla hem kleiner op (1600 px breed is genoeg).");
            continue;
        }
        // Read only the header: type and pixel size, before anything is decoded.
        unsigned char head[16] = {};
        std::ifstream in(canonical, std::ios::binary);
        in.read(reinterpret_cast<char*>(head), sizeof head);
        const bool png = in.gcount() >= 8 && memcmp(head, "\x89PNG\r\n\x1a\n", 8) == 0;
        const bool jpeg = in.gcount() >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF;
        int w = 0, h = 0, comp = 0;
        if (!(png || jpeg) || !stbi_info(canonical.c_str(), &w, &h, &comp)) {
            report("media-format",
                   "\"" + ref.path +
                       "\" is not a PNG or JPEG image (or it is damaged). Export it as PNG or JPEG.",
                   "\"" + ref.path +
                       "\" is geen PNG- of JPEG-afbeelding (of hij is beschadigd). Exporteer hem als PNG of "
                       "JPEG.");
            continue;
        }
        if (w > ctx.options.max_media_pixels || h > ctx.options.max_media_pixels)
            report("media-too-large",
                   "\"" + ref.path + "\" is " + std::to_string(w) + "×" + std::to_string(h) +
                       " pixels; the limit is " + std::to_string(ctx.options.max_media_pixels) +
                       " on each side. Scale it down.",
                   "\"" + ref.path + "\" is " + std::to_string(w) + "×" + std::to_string(h) +
                       " pixels; de grens is " + std::to_string(ctx.options.max_media_pixels) +
                       " per kant. Maak hem kleiner.");
    }
}

} // namespace sb::loader_detail
