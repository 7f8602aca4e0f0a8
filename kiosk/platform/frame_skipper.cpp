#include "platform/frame_skipper.h"

#include <imgui.h>

namespace sb {

namespace {

// FNV-1a over 8-byte words: fast enough for a full frame (about 100 KB) in well under 0.1 ms.
struct Hasher {
    uint64_t h = 1469598103934665603ull;
    void Bytes(const void* p, size_t n) {
        const unsigned char* b = static_cast<const unsigned char*>(p);
        size_t i = 0;
        for (; i + 8 <= n; i += 8) {
            uint64_t w;
            __builtin_memcpy(&w, b + i, 8);
            h = (h ^ w) * 1099511628211ull;
        }
        for (; i < n; ++i)
            h = (h ^ b[i]) * 1099511628211ull;
    }
    template <typename T> void Value(const T& v) { Bytes(&v, sizeof(v)); }
};

} // namespace

uint64_t HashDrawData(const ImDrawData* data) {
    Hasher hasher;
    if (!data || !data->Valid) return 0;
    hasher.Value(data->DisplaySize);
    hasher.Value(data->FramebufferScale);
    hasher.Value(data->CmdListsCount);
    for (int n = 0; n < data->CmdListsCount; ++n) {
        const ImDrawList* list = data->CmdLists[n];
        hasher.Bytes(list->VtxBuffer.Data, static_cast<size_t>(list->VtxBuffer.Size) * sizeof(ImDrawVert));
        hasher.Bytes(list->IdxBuffer.Data, static_cast<size_t>(list->IdxBuffer.Size) * sizeof(ImDrawIdx));
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            hasher.Value(cmd.ClipRect);
            hasher.Value(cmd.TextureId);
            hasher.Value(cmd.VtxOffset);
            hasher.Value(cmd.IdxOffset);
            hasher.Value(cmd.ElemCount);
            hasher.Value(cmd.UserCallback);
        }
    }
    return hasher.h;
}

bool FrameSkipper::ShouldDraw(const ImDrawData* data) {
    const uint64_t h = HashDrawData(data);
    if (m_valid && h == m_last) {
        ++skipped;
        return false;
    }
    m_last = h;
    m_valid = true;
    ++drawn;
    return true;
}

} // namespace sb
