#include "platform/damage.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstring>

namespace sb {

namespace {

constexpr int kMaxRects = 4;          // more are merged: each costs a pass over the commands
constexpr float kFullFraction = 0.6f; // damage over this share of the screen: a full redraw is as cheap
constexpr int kMargin = 1;            // pixels around a triangle's box, for rounding

inline uint64_t Mix(uint64_t h, uint64_t v) {
    h ^= v + 0x9E3779B97F4A7C15ull + (h << 6) + (h >> 2);
    h *= 0xFF51AFD7ED558CCDull;
    return h ^ (h >> 29);
}

inline uint64_t Bits(const void* p) {
    uint64_t v;
    std::memcpy(&v, p, 8);
    return v;
}

uint64_t HashName(const char* s) {
    uint64_t h = 1469598103934665603ull;
    for (; s && *s; ++s)
        h = (h ^ static_cast<unsigned char>(*s)) * 1099511628211ull;
    return h;
}

struct Box {
    float x0 = 1e30f, y0 = 1e30f, x1 = -1e30f, y1 = -1e30f;
    bool Empty() const { return x1 < x0 || y1 < y0; }
    template <typename T> void Add(const T& t) {
        if (t.x1 < t.x0 || t.y1 < t.y0) return; // clipped away: draws nothing
        x0 = std::min(x0, t.x0);
        y0 = std::min(y0, t.y0);
        x1 = std::max(x1, t.x1);
        y1 = std::max(y1, t.y1);
    }
};

PixelRect ToPixels(const Box& b, const ImDrawData* data, int fb_w, int fb_h) {
    const ImVec2 off = data->DisplayPos, scale = data->FramebufferScale;
    PixelRect r;
    r.x0 = std::max(0, static_cast<int>(std::floor((b.x0 - off.x) * scale.x)) - kMargin);
    r.y0 = std::max(0, static_cast<int>(std::floor((b.y0 - off.y) * scale.y)) - kMargin);
    r.x1 = std::min(fb_w, static_cast<int>(std::ceil((b.x1 - off.x) * scale.x)) + kMargin);
    r.y1 = std::min(fb_h, static_cast<int>(std::ceil((b.y1 - off.y) * scale.y)) + kMargin);
    return r;
}

bool Overlap(const PixelRect& a, const PixelRect& b) {
    return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

PixelRect Union(const PixelRect& a, const PixelRect& b) {
    return {std::min(a.x0, b.x0), std::min(a.y0, b.y0), std::max(a.x1, b.x1), std::max(a.y1, b.y1)};
}

// Disjoint rectangles, at most kMaxRects: overlapping ones become their union; then the pair whose union
// adds the least area, until few enough.
void Merge(std::vector<PixelRect>& rects) {
    for (bool again = true; again;) {
        again = false;
        for (size_t i = 0; i < rects.size() && !again; ++i)
            for (size_t j = i + 1; j < rects.size() && !again; ++j)
                if (Overlap(rects[i], rects[j])) {
                    rects[i] = Union(rects[i], rects[j]);
                    rects.erase(rects.begin() + static_cast<long>(j));
                    again = true;
                }
        if (!again && rects.size() > static_cast<size_t>(kMaxRects)) {
            size_t bi = 0, bj = 1;
            long best = -1;
            for (size_t i = 0; i < rects.size(); ++i)
                for (size_t j = i + 1; j < rects.size(); ++j) {
                    const long grow = static_cast<long>(Union(rects[i], rects[j]).Area()) - rects[i].Area() -
                                      rects[j].Area();
                    if (best < 0 || grow < best) best = grow, bi = i, bj = j;
                }
            rects[bi] = Union(rects[bi], rects[bj]);
            rects.erase(rects.begin() + static_cast<long>(bj));
            again = true;
        }
    }
}

} // namespace

bool MergeRects(std::vector<PixelRect>& rects, int fb_w, int fb_h) {
    Merge(rects);
    long area = 0;
    for (const PixelRect& r : rects)
        area += r.Area();
    return area > static_cast<long>(kFullFraction * static_cast<float>(fb_w) * static_cast<float>(fb_h));
}

Damage DamageTracker::Compute(const ImDrawData* data, int fb_w, int fb_h, int shrink) {
    Damage out;
    m_next_w = fb_w;
    m_next_h = fb_h;
    m_next.resize(static_cast<size_t>(data && data->Valid ? data->CmdListsCount : 0));
    if (!data || !data->Valid) return out;
    // Every triangle: its three vertices (position, uv, colour), its clip rect and texture.
    for (int n = 0; n < data->CmdListsCount; ++n) {
        const ImDrawList* list = data->CmdLists[n];
        List& dst = m_next[static_cast<size_t>(n)];
        dst.name = HashName(list->_OwnerName);
        dst.tris.clear();
        dst.tris.reserve(static_cast<size_t>(list->IdxBuffer.Size / 3));
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            if (cmd.UserCallback) {
                // Not drawn by this kiosk; if it ever is, it is a change of its own.
                dst.tris.push_back(
                    {Mix(reinterpret_cast<uintptr_t>(cmd.UserCallback), 1), -1e30f, -1e30f, 1e30f, 1e30f});
                continue;
            }
            const ImVec4 clip = cmd.ClipRect;
            if (clip.z <= clip.x || clip.w <= clip.y) continue; // draws nothing
            uint64_t seed = Mix(Bits(&clip.x), Bits(&clip.z));
            seed = Mix(seed, reinterpret_cast<uintptr_t>(cmd.TextureId));
            const ImDrawIdx* idx = list->IdxBuffer.Data + cmd.IdxOffset;
            const ImDrawVert* vtx = list->VtxBuffer.Data + cmd.VtxOffset;
            for (unsigned int i = 0; i + 2 < cmd.ElemCount; i += 3) {
                uint64_t h = seed;
                float x0 = 1e30f, y0 = 1e30f, x1 = -1e30f, y1 = -1e30f;
                for (int k = 0; k < 3; ++k) {
                    const ImDrawVert& v = vtx[idx[i + k]];
                    h = Mix(h, Bits(&v.pos));
                    h = Mix(h, Bits(&v.uv) ^ (static_cast<uint64_t>(v.col) << 17));
                    x0 = std::min(x0, v.pos.x);
                    y0 = std::min(y0, v.pos.y);
                    x1 = std::max(x1, v.pos.x);
                    y1 = std::max(y1, v.pos.y);
                }
                dst.tris.push_back({h, std::max(x0, clip.x), std::max(y0, clip.y), std::min(x1, clip.z),
                                    std::min(y1, clip.w)});
            }
        }
    }
    if (!m_valid || m_prev_w != fb_w || m_prev_h != fb_h) return out;

    // The lists are compared one by one when the windows are the same, in the same order; otherwise the
    // frames are compared as one sequence (a window opened, closed or brought to the front).
    bool same_lists = m_prev.size() == m_next.size();
    for (size_t n = 0; same_lists && n < m_next.size(); ++n)
        same_lists = m_prev[n].name == m_next[n].name;
    std::vector<Tri> old_all, new_all;
    auto middles = [&](const std::vector<Tri>& a, const std::vector<Tri>& b, Box& box) {
        size_t p = 0;
        while (p < a.size() && p < b.size() && a[p].hash == b[p].hash)
            ++p;
        size_t s = 0;
        while (s < a.size() - p && s < b.size() - p && a[a.size() - 1 - s].hash == b[b.size() - 1 - s].hash)
            ++s;
        for (size_t i = p; i < a.size() - s; ++i)
            box.Add(a[i]);
        for (size_t i = p; i < b.size() - s; ++i)
            box.Add(b[i]);
    };
    std::vector<Box> boxes;
    if (same_lists) {
        for (size_t n = 0; n < m_next.size(); ++n) {
            Box box;
            middles(m_prev[n].tris, m_next[n].tris, box);
            if (!box.Empty()) boxes.push_back(box);
        }
    } else {
        for (const List& l : m_prev)
            old_all.insert(old_all.end(), l.tris.begin(), l.tris.end());
        for (const List& l : m_next)
            new_all.insert(new_all.end(), l.tris.begin(), l.tris.end());
        Box box;
        middles(old_all, new_all, box);
        if (!box.Empty()) boxes.push_back(box);
    }
    for (const Box& b : boxes) {
        PixelRect r = ToPixels(b, data, fb_w, fb_h);
        if (!r.Empty()) out.rects.push_back(r);
    }
    out.full = MergeRects(out.rects, fb_w, fb_h);
    if (out.full) {
        out.rects.clear();
        return out;
    }
    for (PixelRect& r : out.rects)
        r.x0 += shrink, r.y0 += shrink, r.x1 -= shrink, r.y1 -= shrink;
    std::erase_if(out.rects, [](const PixelRect& r) { return r.Empty(); });
    return out;
}

void DamageTracker::Commit() {
    std::swap(m_prev, m_next);
    m_prev_w = m_next_w;
    m_prev_h = m_next_h;
    m_valid = true;
}

ClipToDamage::ClipToDamage(ImDrawData* data, const std::vector<PixelRect>& rects) : m_data(data) {
    const ImVec2 off = data->DisplayPos, scale = data->FramebufferScale;
    std::vector<ImVec4> clips; // the rectangles in ImGui coordinates
    for (const PixelRect& r : rects)
        clips.emplace_back(
            off.x + static_cast<float>(r.x0) / scale.x, off.y + static_cast<float>(r.y0) / scale.y,
            off.x + static_cast<float>(r.x1) / scale.x, off.y + static_cast<float>(r.y1) / scale.y);
    m_saved.resize(static_cast<size_t>(data->CmdListsCount));
    for (int n = 0; n < data->CmdListsCount; ++n) {
        ImVector<ImDrawCmd>& cmds = data->CmdLists[n]->CmdBuffer;
        std::vector<ImDrawCmd>& saved = m_saved[static_cast<size_t>(n)];
        saved.assign(cmds.begin(), cmds.end());
        cmds.resize(0);
        // Rectangle by rectangle: each is drawn from the bottom up on its own, as a full frame draws it.
        for (const ImVec4& c : clips)
            for (const ImDrawCmd& cmd : saved) {
                if (cmd.UserCallback) {
                    cmds.push_back(cmd);
                    continue;
                }
                ImDrawCmd clipped = cmd;
                clipped.ClipRect = ImVec4(std::max(cmd.ClipRect.x, c.x), std::max(cmd.ClipRect.y, c.y),
                                          std::min(cmd.ClipRect.z, c.z), std::min(cmd.ClipRect.w, c.w));
                if (clipped.ClipRect.z > clipped.ClipRect.x && clipped.ClipRect.w > clipped.ClipRect.y)
                    cmds.push_back(clipped);
            }
    }
}

ClipToDamage::~ClipToDamage() {
    for (int n = 0; n < m_data->CmdListsCount; ++n) {
        ImVector<ImDrawCmd>& cmds = m_data->CmdLists[n]->CmdBuffer;
        const std::vector<ImDrawCmd>& saved = m_saved[static_cast<size_t>(n)];
        cmds.resize(static_cast<int>(saved.size()));
        std::copy(saved.begin(), saved.end(), cmds.begin());
    }
}

} // namespace sb
