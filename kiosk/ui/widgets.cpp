#include "ui/widgets.h"

#include "core/marks.h"

#include <imgui_internal.h>

#include <algorithm>

namespace sb {

const WidgetRecord* FrameRecord::Find(const std::string& id_or_label) const {
    for (const auto& w : widgets)
        if (w.id == id_or_label) return &w;
    for (const auto& w : widgets)
        if (w.label == id_or_label) return &w;
    return nullptr;
}

bool FrameRecord::ShowsText(const std::string& needle) const {
    for (const auto& t : texts)
        if (t.find(needle) != std::string::npos) return true;
    for (const auto& w : widgets)
        if (w.label.find(needle) != std::string::npos) return true;
    return false;
}

void Ui::BeginFrame(int64_t now, ImVec2 viewport) {
    now_ms = now;
    record = FrameRecord{};
    record.viewport = viewport;
    // Widgets not drawn last frame have gone; what is drawn this frame keeps or gets its time of appearing.
    appeared.swap(appeared_next);
    appeared_next.clear();
    scroll.clear();
    tapped_term.clear();
}

ImVec4 ToVec4(Rgb c, float alpha) {
    return ImVec4(c.r / 255.0f, c.g / 255.0f, c.b / 255.0f, alpha);
}
ImU32 ToU32(Rgb c, float alpha) {
    return ImGui::GetColorU32(ToVec4(c, alpha));
}

namespace ui {

void ApplyStyle(const Ui& ui) {
    ImGuiStyle& style = ImGui::GetStyle();
    style = ImGuiStyle();
    const ThemeColors& c = *ui.colors;
    style.WindowPadding = ImVec2(ui.U(1.5f), ui.U(1.0f));
    style.FramePadding = ImVec2(ui.U(0.8f), ui.U(0.45f));
    style.ItemSpacing = ImVec2(ui.U(0.6f), ui.U(0.5f));
    style.FrameRounding = ui.U(0.5f);
    style.ChildRounding = ui.U(0.5f);
    style.WindowRounding = 0;
    style.ScrollbarSize = ui.U(0.9f); // wide enough for a finger
    style.ScrollbarRounding = ui.U(0.35f);
    style.WindowBorderSize = 0;
    style.ChildBorderSize = 0;
    style.FrameBorderSize = 0;
    ImVec4* col = style.Colors;
    col[ImGuiCol_WindowBg] = ToVec4(c.background);
    col[ImGuiCol_ChildBg] = ToVec4(c.surface);
    col[ImGuiCol_PopupBg] = ToVec4(c.surface);
    col[ImGuiCol_Text] = ToVec4(c.text);
    col[ImGuiCol_TextDisabled] = ToVec4(c.text_muted);
    col[ImGuiCol_Border] = ToVec4(c.border);
    col[ImGuiCol_Button] = ToVec4(c.primary);
    col[ImGuiCol_ButtonHovered] = ToVec4(c.primary_hover);
    col[ImGuiCol_ButtonActive] = ToVec4(c.primary_hover);
    col[ImGuiCol_FrameBg] = ToVec4(c.secondary);
    col[ImGuiCol_FrameBgHovered] = ToVec4(c.secondary_hover);
    col[ImGuiCol_FrameBgActive] = ToVec4(c.secondary_hover);
    col[ImGuiCol_ScrollbarBg] = ToVec4(c.background);
    col[ImGuiCol_ScrollbarGrab] = ToVec4(c.border);
    col[ImGuiCol_ScrollbarGrabHovered] = ToVec4(c.text_muted);
    col[ImGuiCol_ScrollbarGrabActive] = ToVec4(c.text_muted);
    col[ImGuiCol_NavHighlight] = ToVec4(c.focus);
    col[ImGuiCol_CheckMark] = ToVec4(c.primary);
    col[ImGuiCol_ModalWindowDimBg] = ImVec4(0, 0, 0, 0.45f);
}

void BeginRoot(Ui& ui, const char* screen_name) {
    ui.record.screen = screen_name;
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(viewport->Pos.x, viewport->Pos.y + ui.top_inset));
    ImGui::SetNextWindowSize(ImVec2(viewport->Size.x, viewport->Size.y - ui.top_inset));
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;
    // One root window per screen: a new screen is a newly appearing window, so keyboard focus starts
    // on that screen's default button (SetItemDefaultFocus) instead of a button of the last screen.
    const std::string name = std::string("##root-") + screen_name;
    // The root never scrolls: each screen's body does, so its top and action bars stay where they are.
    // No background: the frame is cleared to the same colour, and a full-screen fill costs llvmpipe about a
    // third of a frame at 1920x1080.
    ImGui::Begin(name.c_str(), nullptr,
                 flags | ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse |
                     ImGuiWindowFlags_NoBackground);
    ImGui::SetScrollY(0);
}

void EndRoot() {
    ImGui::End();
}

void Label(Ui& ui, FontRole role, const std::string& text, Rgb color, float wrap) {
    ImGui::PushFont(ui.Font(role));
    ImGui::PushStyleColor(ImGuiCol_Text, ToVec4(color));
    const float wrap_x = wrap > 0 ? ImGui::GetCursorPosX() + wrap : 0.0f;
    ImGui::PushTextWrapPos(wrap_x);
    ImGui::TextUnformatted(text.c_str(), text.c_str() + text.size());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    ImGui::PopFont();
    RecordText(ui, text, ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), role);
}

void LabelCentered(Ui& ui, FontRole role, const std::string& text, Rgb color, float width) {
    ImFont* font = ui.Font(role);
    if (width <= 0) width = ImGui::GetContentRegionAvail().x;
    const float x0 = ImGui::GetCursorPosX();
    ImGui::PushFont(font);
    ImGui::PushStyleColor(ImGuiCol_Text, ToVec4(color));
    ImVec2 lo(FLT_MAX, FLT_MAX), hi(-FLT_MAX, -FLT_MAX);
    const char* s = text.c_str();
    const char* end = s + text.size();
    while (s < end) {
        const char* line_end = font->CalcWordWrapPositionA(1.0f, s, end, width);
        if (line_end == s) line_end = s + 1; // never stall on a glyph wider than the line
        const char* nl = static_cast<const char*>(memchr(s, '\n', line_end - s));
        if (nl) line_end = nl;
        const float w = ImGui::CalcTextSize(s, line_end).x;
        ImGui::SetCursorPosX(x0 + std::max(0.0f, (width - w) * 0.5f));
        ImGui::TextUnformatted(s, line_end);
        lo = ImMin(lo, ImGui::GetItemRectMin());
        hi = ImMax(hi, ImGui::GetItemRectMax());
        s = line_end;
        while (s < end && (*s == ' ' || *s == '\n'))
            ++s;
    }
    ImGui::PopStyleColor();
    ImGui::PopFont();
    if (lo.x <= hi.x)
        RecordText(ui, text, lo, hi, role);
    else
        ui.record.texts.push_back(text);
}

void FocusRing(const Ui& ui, float rounding) {
    ImGuiContext& g = *GImGui;
    if (!ImGui::IsItemFocused() || g.NavDisableHighlight) return;
    const float t = std::max(3.0f, ui.U(0.12f));
    ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    a.x -= t * 1.5f;
    a.y -= t * 1.5f;
    b.x += t * 1.5f;
    b.y += t * 1.5f;
    ImGui::GetWindowDrawList()->AddRect(a, b, ToU32(ui.colors->focus), rounding + t, 0, t);
}

bool Button(Ui& ui, const char* id, const std::string& label, ImVec2 size, ButtonKind kind, bool enabled) {
    const ThemeColors& c = *ui.colors;
    Rgb bg = c.primary, hover = c.primary_hover, fg = c.primary_text;
    if (kind == ButtonKind::Secondary) {
        bg = c.secondary;
        hover = c.secondary_hover;
        fg = c.secondary_text;
    } else if (kind == ButtonKind::Quiet) {
        bg = c.background;
        hover = c.secondary;
        fg = c.secondary_text;
    } else if (kind == ButtonKind::Danger) {
        bg = c.callout_watch;
        hover = c.secondary_hover;
        fg = c.text;
    }
    ImGui::PushID(id);
    ImGui::PushFont(ui.Font(FontRole::Bold));
    ImGui::PushStyleColor(ImGuiCol_Button, ToVec4(bg));
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ToVec4(hover));
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, ToVec4(hover));
    ImGui::PushStyleColor(ImGuiCol_Text, ToVec4(fg));
    // Quiet and secondary buttons are marked out by their outline (3:1 against the page), primary by their
    // fill.
    const bool outlined = kind != ButtonKind::Primary;
    if (outlined) {
        ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, std::max(2.0f, ui.U(0.06f)));
        ImGui::PushStyleColor(ImGuiCol_Border, ToVec4(!enabled                     ? c.border
                                                      : kind == ButtonKind::Danger ? c.warn
                                                                                   : c.edge));
    }
    // Touch targets stay at least 48 px high at 1080p, whatever the caller asks; a width of 0 fits the label.
    size.y = std::max(size.y, std::max(48.0f, ui.U(1.9f)));
    if (size.x <= 0) size.x = std::max(size.y, ImGui::CalcTextSize(label.c_str()).x + ui.U(1.6f));
    if (!enabled) ImGui::BeginDisabled();
    const std::string imgui_label = label + "##b";
    const bool pressed = ImGui::Button(imgui_label.c_str(), size);
    if (!enabled) ImGui::EndDisabled();
    const ImVec2 bmin = ImGui::GetItemRectMin(), bmax = ImGui::GetItemRectMax();
    {
        // The label as ImGui centres it, clipped to the button: the audit sees a label that does not fit.
        const ImVec2 ts = ImGui::CalcTextSize(label.c_str());
        const ImVec2 c((bmin.x + bmax.x) * 0.5f, (bmin.y + bmax.y) * 0.5f);
        ImGui::GetWindowDrawList()->PushClipRect(bmin, bmax, true);
        RecordText(ui, label, ImVec2(c.x - ts.x * 0.5f, c.y - ts.y * 0.5f),
                   ImVec2(c.x + ts.x * 0.5f, c.y + ts.y * 0.5f), FontRole::Bold, id);
        ImGui::GetWindowDrawList()->PopClipRect();
    }
    if (outlined) {
        ImGui::PopStyleColor();
        ImGui::PopStyleVar();
    }
    FocusRing(ui, ImGui::GetStyle().FrameRounding);
    ImGui::PopStyleColor(4);
    ImGui::PopFont();
    const bool ready = Record(ui, id, label, bmin, bmax, enabled);
    ImGui::PopID();
    return pressed && enabled && ready && !WasDrag();
}

void Probe(Ui& ui, const std::string& key, const std::string& value) {
    ui.record.probes[key] = value;
}

bool Record(Ui& ui, const char* id, const std::string& label, ImVec2 min, ImVec2 max, bool enabled,
            bool backdrop) {
    WidgetRecord w{id, label, min, max, enabled, backdrop};
    ImGuiContext& g = *GImGui;
    const ImGuiID imgui_id = ImGui::GetItemID();
    // Tab moves the focus in reading order (the order widgets are drawn): the app asks for this one.
    if (!ui.focus_request.empty() && ui.focus_request == id && imgui_id != 0) {
        ImGui::SetFocusID(imgui_id, ImGui::GetCurrentWindow());
        g.NavDisableHighlight = false;
        g.NavDisableMouseHover = true;
        if (!ImGui::IsItemVisible()) ImGui::SetScrollHereY(0.5f);
        ui.focus_request.clear();
    }
    // Scripts can check where the focus ring is.
    if (g.NavId != 0 && g.NavId == imgui_id) ui.record.probes["focus"] = id;
    const ImGuiWindow* window = ImGui::GetCurrentWindow();
    w.clip_min = window->InnerClipRect.Min;
    w.clip_max = window->InnerClipRect.Max;
    w.scroll = ui.scroll;
    ui.record.widgets.push_back(std::move(w));
    const auto seen = ui.appeared.find(id);
    const int64_t since = seen != ui.appeared.end() ? seen->second : ui.now_ms;
    ui.appeared_next.emplace(id, since);
    return ui.now_ms - since >= kNewButtonGuardMs;
}

void RecordText(Ui& ui, const std::string& text, ImVec2 min, ImVec2 max, FontRole role,
                const std::string& owner, const std::string& caption_of) {
    ui.record.texts.push_back(text);
    if (text.empty()) return;
    TextRecord r;
    r.text = text;
    r.min = min;
    r.max = max;
    const ImDrawList* dl = ImGui::GetWindowDrawList();
    r.clip_min = dl->GetClipRectMin();
    r.clip_max = dl->GetClipRectMax();
    r.owner = owner;
    r.caption_of = caption_of;
    r.scroll = ui.scroll;
    r.em_px = ui.Em(role);
    ui.record.text_items.push_back(std::move(r));
}

ImVec2 DrawText(Ui& ui, FontRole role, ImVec2 pos, Rgb color, const std::string& text, float wrap,
                const std::string& owner, const std::string& caption_of) {
    ImFont* font = ui.Font(role);
    const ImVec2 size = font->CalcTextSizeA(font->FontSize, FLT_MAX, wrap > 0 ? wrap : 0.0f, text.c_str(),
                                            text.c_str() + text.size());
    ImGui::GetWindowDrawList()->AddText(font, font->FontSize, pos, ToU32(color), text.c_str(),
                                        text.c_str() + text.size(), wrap > 0 ? wrap : 0.0f);
    RecordText(ui, text, pos, ImVec2(pos.x + size.x, pos.y + size.y), role, owner, caption_of);
    return size;
}

ImVec2 DrawTextCentered(Ui& ui, FontRole role, ImVec2 pos, float width, Rgb color, const std::string& text,
                        const std::string& owner, const std::string& caption_of) {
    ImFont* font = ui.Font(role);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const char* s = text.c_str();
    const char* end = s + text.size();
    float y = pos.y, widest = 0;
    ImVec2 lo(FLT_MAX, FLT_MAX), hi(-FLT_MAX, -FLT_MAX);
    while (s < end) {
        const char* line_end = font->CalcWordWrapPositionA(1.0f, s, end, width);
        if (line_end == s) line_end = s + 1;
        const char* nl = static_cast<const char*>(memchr(s, '\n', line_end - s));
        if (nl) line_end = nl;
        const float lw = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, s, line_end).x;
        const float x = pos.x + std::max(0.0f, (width - lw) * 0.5f);
        dl->AddText(font, font->FontSize, ImVec2(x, y), ToU32(color), s, line_end);
        lo = ImMin(lo, ImVec2(x, y));
        hi = ImMax(hi, ImVec2(x + lw, y + font->FontSize));
        widest = std::max(widest, lw);
        y += font->FontSize;
        s = line_end;
        while (s < end && (*s == ' ' || *s == '\n'))
            ++s;
    }
    if (lo.x <= hi.x) RecordText(ui, text, lo, hi, role, owner, caption_of);
    return ImVec2(widest, y - pos.y);
}

ImDrawList* BeginOverlay(Ui& ui, const char* id, int dim) {
    ui.record.Cover();
    const ImVec2 size = ImGui::GetMainViewport()->Size;
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(size);
    ImGui::SetNextWindowBgAlpha(0.0f);
    ImGui::Begin(id, nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->PushClipRectFullScreen(); // dim the whole screen, padding included
    dl->AddRectFilled(ImVec2(0, 0), size, IM_COL32(0, 0, 0, dim));
    dl->PopClipRect();
    return dl;
}

void BeginScroll(Ui& ui, const char* id, ImVec2 size) {
    ImGui::BeginChild(id, size, false, ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NavFlattened);
    TouchScroll();
    ui.scroll = id;
}

void EndScroll(Ui& ui) {
    ImGuiWindow* w = ImGui::GetCurrentWindow();
    ScrollRecord r;
    r.id = ui.scroll;
    r.min = w->InnerClipRect.Min;
    r.max = w->InnerClipRect.Max;
    // What lies outside the visible part, from this frame's content (ScrollMax is last frame's).
    r.more_above = ImGui::GetScrollY() > 0.5f;
    r.more_below = w->DC.CursorMaxPos.y > r.max.y + 1.0f;
    // A fade where content continues, so a line is never simply cut, and an arrow that says "more".
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->PushClipRect(w->Rect().Min, w->Rect().Max, false);
    const float fade = std::min(ui.U(1.6f), (r.max.y - r.min.y) * 0.25f);
    const ImU32 solid = ToU32(ui.colors->background), clear = ToU32(ui.colors->background, 0.0f);
    if (r.more_above) {
        dl->AddRectFilledMultiColor(ImVec2(w->Rect().Min.x, r.min.y), ImVec2(w->Rect().Max.x, r.min.y + fade),
                                    solid, solid, clear, clear);
        r.cue_above = true;
    }
    if (r.more_below) {
        dl->AddRectFilledMultiColor(ImVec2(w->Rect().Min.x, r.max.y - fade), ImVec2(w->Rect().Max.x, r.max.y),
                                    clear, clear, solid, solid);
        const float rad = ui.U(0.75f);
        const ImVec2 c((r.min.x + r.max.x) * 0.5f, r.max.y - rad - ui.U(0.15f));
        dl->AddCircleFilled(c, rad, ToU32(ui.colors->primary), 32);
        ImFont* bold = ui.Font(FontRole::Bold);
        const char* arrow = "\xE2\x86\x93"; // ↓
        const ImVec2 ts = bold->CalcTextSizeA(bold->FontSize, FLT_MAX, 0, arrow);
        dl->AddText(bold, bold->FontSize, ImVec2(c.x - ts.x * 0.5f, c.y - ts.y * 0.5f),
                    ToU32(ui.colors->primary_text), arrow);
        r.cue_below = true;
    }
    dl->PopClipRect();
    ui.record.scrolls.push_back(r);
    ImGui::EndChild();
    ui.scroll.clear();
}

namespace {
constexpr float kDragThreshold = 12.0f; // px a finger may wobble and still tap
}

void TouchScroll() {
    ImGuiIO& io = ImGui::GetIO();
    if (!ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem) || !io.MouseDown[0]) return;
    if (io.MouseDragMaxDistanceSqr[0] < kDragThreshold * kDragThreshold) return;
    ImGui::SetScrollY(ImGui::GetScrollY() - io.MouseDelta.y);
}

bool WasDrag() {
    return ImGui::GetIO().MouseDragMaxDistanceSqr[0] >= kDragThreshold * kDragThreshold;
}

void Space(const Ui& ui, float units) {
    ImGui::Dummy(ImVec2(1, ui.U(units)));
}

} // namespace ui
} // namespace sb

namespace sb::ui {

void DrawIcon(const Ui& ui, IconKind kind, ImVec2 c, float r) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ThemeColors& t = *ui.colors;
    Rgb bg = t.primary;
    if (kind == IconKind::Roleplay) bg = t.accent;
    if (kind == IconKind::Quiz) bg = t.good;
    if (kind == IconKind::Warning) bg = t.warn;
    dl->AddCircleFilled(c, r, ToU32(bg), 48);
    const ImU32 fg = ToU32(kind == IconKind::Roleplay ? t.accent_text : t.primary_text);
    const float s = r * 0.5f;
    switch (kind) {
    case IconKind::Lesson: // an open book
        dl->AddQuadFilled(ImVec2(c.x - s * 1.1f, c.y - s * 0.7f), ImVec2(c.x - s * 0.05f, c.y - s * 0.45f),
                          ImVec2(c.x - s * 0.05f, c.y + s * 0.85f), ImVec2(c.x - s * 1.1f, c.y + s * 0.6f),
                          fg);
        dl->AddQuadFilled(ImVec2(c.x + s * 0.05f, c.y - s * 0.45f), ImVec2(c.x + s * 1.1f, c.y - s * 0.7f),
                          ImVec2(c.x + s * 1.1f, c.y + s * 0.6f), ImVec2(c.x + s * 0.05f, c.y + s * 0.85f),
                          fg);
        break;
    case IconKind::Roleplay: // two speech bubbles
        dl->AddRectFilled(ImVec2(c.x - s * 1.1f, c.y - s * 0.9f), ImVec2(c.x + s * 0.3f, c.y + s * 0.1f), fg,
                          s * 0.3f);
        dl->AddTriangleFilled(ImVec2(c.x - s * 0.8f, c.y + s * 0.05f),
                              ImVec2(c.x - s * 0.3f, c.y + s * 0.05f), ImVec2(c.x - s * 0.9f, c.y + s * 0.5f),
                              fg);
        dl->AddRectFilled(ImVec2(c.x - s * 0.2f, c.y - s * 0.1f), ImVec2(c.x + s * 1.1f, c.y + s * 0.8f), fg,
                          s * 0.3f);
        dl->AddRect(ImVec2(c.x - s * 0.2f, c.y - s * 0.1f), ImVec2(c.x + s * 1.1f, c.y + s * 0.8f), ToU32(bg),
                    s * 0.3f, 0, s * 0.15f);
        break;
    case IconKind::Quiz:
    case IconKind::Confidence:
    case IconKind::Warning: {
        const char* glyph = kind == IconKind::Quiz ? "?" : (kind == IconKind::Warning ? "!" : "\xE2\x80\xA6");
        ImFont* font = ui.Font(FontRole::Heading);
        const ImVec2 ts = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, glyph);
        dl->AddText(font, font->FontSize, ImVec2(c.x - ts.x * 0.5f, c.y - ts.y * 0.5f), fg, glyph);
        break;
    }
    }
}

namespace {

struct CardMetrics {
    float pad, r, text_x, wrap, title_h, text_h, footer_h, height;
    bool badge_below = false;
};

CardMetrics MeasureCard(const Ui& ui, const std::string& title, const std::string& text,
                        const std::string& footer, float width, const std::string& badge) {
    CardMetrics m;
    m.pad = ui.U(0.8f);
    m.r = ui.U(1.2f);
    m.text_x = m.pad * 2 + m.r * 2;
    m.wrap = width - m.text_x - m.pad;
    m.title_h = MeasureWrapped(ui.Font(FontRole::Bold), title, m.wrap).y;
    m.text_h = text.empty() ? 0 : MeasureWrapped(ui.Font(FontRole::Small), text, m.wrap).y;
    m.footer_h = footer.empty() ? 0 : ui.Font(FontRole::Small)->FontSize;
    // The badge goes after the footer, or on a line of its own below it when the two do not fit side by side.
    ImFont* small = ui.Font(FontRole::Small);
    const float footer_w = small->CalcTextSizeA(small->FontSize, FLT_MAX, 0, footer.c_str()).x;
    const float badge_w = small->CalcTextSizeA(small->FontSize, FLT_MAX, 0, badge.c_str()).x;
    m.badge_below = !badge.empty() && footer_w + badge_w + ui.U(1.6f) > m.wrap;
    if (m.badge_below) m.footer_h += small->FontSize + ui.U(0.45f);
    const float content = m.title_h + (text.empty() ? 0 : ui.U(0.2f) + m.text_h) +
                          (footer.empty() ? 0 : ui.U(0.35f) + m.footer_h);
    m.height = std::max(m.r * 2, content) + m.pad * 2;
    return m;
}

} // namespace

float CardHeight(const Ui& ui, const std::string& title, const std::string& text, const std::string& footer,
                 float width, const std::string& badge) {
    return MeasureCard(ui, title, text, footer, width, badge).height;
}

bool Card(Ui& ui, const char* id, IconKind icon, const std::string& title, const std::string& text,
          const std::string& footer, ImVec2 size, const std::string& badge) {
    const ThemeColors& t = *ui.colors;
    const CardMetrics m = MeasureCard(ui, title, text, footer, size.x, badge);
    size.y = std::max(size.y, m.height);
    ImGui::PushID(id);
    const ImVec2 p0 = ImGui::GetCursorScreenPos();
    const bool pressed = ImGui::InvisibleButton("##card", size);
    const bool hovered = ImGui::IsItemHovered();
    const bool held = ImGui::IsItemActive();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float rounding = ui.U(0.6f);
    const ImVec2 p1(p0.x + size.x, p0.y + size.y);
    dl->AddRectFilled(ImVec2(p0.x, p0.y + ui.U(0.12f)), ImVec2(p1.x, p1.y + ui.U(0.12f)),
                      ToU32(t.border, 0.7f), rounding);
    dl->AddRectFilled(p0, p1, ToU32(held ? t.secondary_hover : (hovered ? t.secondary : t.surface)),
                      rounding);
    dl->AddRect(p0, p1, ToU32(hovered ? t.primary : t.edge), rounding, 0, std::max(1.5f, ui.U(0.06f)));
    FocusRing(ui, rounding);
    DrawIcon(ui, icon, ImVec2(p0.x + m.pad + m.r, p0.y + m.pad + m.r), m.r);
    const float tx = p0.x + m.text_x;
    dl->PushClipRect(p0, p1, true);
    float y = p0.y + m.pad;
    DrawText(ui, FontRole::Bold, ImVec2(tx, y), t.text, title, m.wrap, id);
    y += m.title_h;
    if (!text.empty()) {
        y += ui.U(0.2f);
        DrawText(ui, FontRole::Small, ImVec2(tx, y), t.text_muted, text, m.wrap, id);
    }
    if (!footer.empty()) {
        // The footer sits at the bottom of the card (a card in a row may be taller than its text).
        const float fy = p1.y - m.pad - m.footer_h;
        const ImVec2 fs = DrawText(ui, FontRole::Small, ImVec2(tx, fy), t.secondary_text, footer, 0, id);
        if (!badge.empty()) {
            // A pill after the footer (or under it), e.g. "✓ Gedaan" on a module this student finished.
            ImFont* bold = ui.Font(FontRole::Small);
            const ImVec2 bs = bold->CalcTextSizeA(bold->FontSize, FLT_MAX, 0, badge.c_str());
            const float by = m.badge_below ? fy + fs.y + ui.U(0.45f) : fy;
            const ImVec2 b0(m.badge_below ? tx : tx + fs.x + ui.U(0.6f), by - ui.U(0.1f));
            const ImVec2 b1(b0.x + bs.x + ui.U(0.8f), by + bs.y + ui.U(0.1f));
            dl->AddRectFilled(b0, b1, ToU32(t.good), (b1.y - b0.y) * 0.5f);
            DrawText(ui, FontRole::Small, ImVec2(b0.x + ui.U(0.4f), by), t.primary_text, badge, 0, id);
        }
    }
    dl->PopClipRect();
    const bool ready = Record(ui, id, title, p0, p1, true);
    ImGui::PopID();
    return pressed && ready && !WasDrag();
}

} // namespace sb::ui

namespace sb::ui {

ImVec2 MeasureWrapped(ImFont* font, const std::string& text, float wrap) {
    return font->CalcTextSizeA(font->FontSize, FLT_MAX, wrap, text.c_str(), text.c_str() + text.size());
}

bool ChoiceButton(Ui& ui, const char* id, const std::string& badge, const std::string& text, float width,
                  bool enabled, bool highlighted, const Rgb* mark) {
    const ThemeColors& t = *ui.colors;
    ImFont* font = ui.Font(FontRole::Body);
    const float pad = ui.U(0.55f);
    const float badge_r = ui.U(0.7f);
    const float text_x = pad * 2 + badge_r * 2;
    const float wrap = width - text_x - pad;
    const ImVec2 ts = MeasureWrapped(font, text, wrap);
    const float height = std::max(std::max(48.0f, ui.U(2.0f)), ts.y + pad * 2);
    ImGui::PushID(id);
    const ImVec2 p0 = ImGui::GetCursorScreenPos();
    if (!enabled) ImGui::BeginDisabled();
    const bool pressed = ImGui::InvisibleButton("##choice", ImVec2(width, height));
    if (!enabled) ImGui::EndDisabled();
    const bool hovered = ImGui::IsItemHovered() && enabled;
    const bool held = ImGui::IsItemActive();
    const ImVec2 p1(p0.x + width, p0.y + height);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float rounding = ui.U(0.5f);
    Rgb bg = held || highlighted ? t.secondary_hover : (hovered ? t.secondary : t.surface);
    dl->AddRectFilled(p0, p1, ToU32(bg), rounding);
    const Rgb edge = mark ? *mark : (hovered || highlighted ? t.primary : (enabled ? t.edge : t.border));
    dl->AddRect(p0, p1, ToU32(edge), rounding, 0,
                highlighted || mark ? std::max(3.0f, ui.U(0.1f)) : std::max(1.5f, ui.U(0.06f)));
    FocusRing(ui, rounding);
    const ImVec2 bc(p0.x + pad + badge_r, p0.y + height * 0.5f);
    dl->AddCircleFilled(bc, badge_r, ToU32(mark ? *mark : (enabled ? t.primary : t.border)), 32);
    ImFont* bold = ui.Font(FontRole::Bold);
    const ImVec2 bs = bold->CalcTextSizeA(bold->FontSize, FLT_MAX, 0, badge.c_str());
    dl->AddText(bold, bold->FontSize, ImVec2(bc.x - bs.x * 0.5f, bc.y - bs.y * 0.5f), ToU32(t.primary_text),
                badge.c_str());
    DrawText(ui, FontRole::Body, ImVec2(p0.x + text_x, p0.y + (height - ts.y) * 0.5f),
             enabled || mark ? t.text : t.text_muted, text, wrap, id);
    const bool ready = Record(ui, id, text, p0, p1, enabled);
    ImGui::PopID();
    return pressed && enabled && ready && !WasDrag();
}

void NoteCard(Ui& ui, Rgb stripe, Rgb background, const std::string& heading, const std::string& body,
              float width) {
    const float pad = ui.U(0.7f);
    const float stripe_w = ui.U(0.3f);
    const float inner = width - pad * 2 - stripe_w;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 p0 = ImGui::GetCursorScreenPos();
    // The text first (on top), then the panel behind it once its height is known.
    dl->ChannelsSplit(2);
    dl->ChannelsSetCurrent(1);
    ImGui::SetCursorScreenPos(ImVec2(p0.x + stripe_w + pad, p0.y + pad));
    ImGui::BeginGroup();
    if (!heading.empty()) Label(ui, FontRole::Bold, heading, ui.colors->text, inner);
    // Bodies may carry Markdown emphasis (*this*, **this**): shown as such, never as asterisks.
    if (!body.empty()) RichText(ui, ParseMarkdown(body), inner, /*tight=*/true);
    ImGui::EndGroup();
    const float height = ImGui::GetItemRectMax().y - p0.y + pad;
    dl->ChannelsSetCurrent(0);
    const ImVec2 p1(p0.x + width, p0.y + height);
    const float rounding = ui.U(0.45f);
    dl->AddRectFilled(p0, p1, ToU32(background), rounding);
    dl->AddRectFilled(p0, ImVec2(p0.x + stripe_w, p1.y), ToU32(stripe), rounding,
                      ImDrawFlags_RoundCornersLeft);
    dl->ChannelsMerge();
    ImGui::SetCursorScreenPos(p0);
    ImGui::Dummy(ImVec2(width, height));
}

void Avatar(const Ui& ui, ImVec2 centre, float radius, uint32_t colour_rgb, const std::string& name) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const Rgb c{static_cast<uint8_t>(colour_rgb >> 16), static_cast<uint8_t>(colour_rgb >> 8),
                static_cast<uint8_t>(colour_rgb)};
    dl->AddCircleFilled(centre, radius, ToU32(c), 40);
    // Initials: the first letter of the first two words (UTF-8 aware).
    std::string initials;
    bool at_word = true;
    for (size_t i = 0; i < name.size() && initials.size() < 8;) {
        const unsigned char ch = name[i];
        const size_t len = ch < 0x80 ? 1 : (ch >> 5) == 0x6 ? 2 : (ch >> 4) == 0xE ? 3 : 4;
        if (ch == ' ')
            at_word = true;
        else if (at_word) {
            initials += name.substr(i, len);
            at_word = false;
            if (initials.size() >= 2 && std::count_if(initials.begin(), initials.end(),
                                                      [](char x) { return (x & 0xC0) != 0x80; }) >= 2)
                break;
        }
        i += len;
    }
    ImFont* bold = ui.Font(FontRole::Bold);
    const ImVec2 ts = bold->CalcTextSizeA(bold->FontSize, FLT_MAX, 0, initials.c_str());
    dl->AddText(bold, bold->FontSize, ImVec2(centre.x - ts.x * 0.5f, centre.y - ts.y * 0.5f), IM_COL32_WHITE,
                initials.c_str());
}

} // namespace sb::ui

namespace sb::ui {

namespace {

// Lays out styled runs as words from `origin`, wrapping at `width`; returns the size used (the widest line,
// the height). Lines are `line_factor` font sizes apart. A run that is a glossary term gets a dotted
// underline, and a tap on it asks for its card (Ui::tapped_term). Draws only when `draw`.
ImVec2 FlowRunsAt(Ui& ui, const std::vector<TextRun>& runs, ImVec2 origin, float indent, float width,
                  FontRole base, Rgb colour, float line_factor, bool draw) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    // Lines with glossary terms are at least a finger apart, so the terms' 48 px targets on two lines never
    // overlap (at 1366x768 body lines are 46 px apart).
    const bool has_terms =
        std::any_of(runs.begin(), runs.end(), [](const TextRun& r) { return !r.term.empty(); });
    const float line_h = std::max(ui.Font(base)->FontSize * line_factor, has_terms ? 48.0f : 0.0f);
    float x = indent, y = 0, widest = 0;
    // The part of a term on one line, recorded as one control of at least 48 px (a finger) around its
    // middle; a tap on it asks for the term's card.
    struct Segment {
        bool open = false;
        std::string term;
        float x0 = 0, x1 = 0, y = 0;
        std::string text;
    } seg;
    const char* seg_start = nullptr;
    auto flush = [&] {
        if (!seg.open) return;
        seg.open = false;
        const float tw = std::max(48.0f, seg.x1 - seg.x0 + ui.U(0.3f));
        const float th = std::max(48.0f, line_h);
        const float cx = (seg.x0 + seg.x1) * 0.5f, cy = origin.y + seg.y + line_h * 0.5f;
        const ImVec2 lo(cx - tw * 0.5f, cy - th * 0.5f), hi(cx + tw * 0.5f, cy + th * 0.5f);
        const std::string id = "term-" + seg.term;
        const bool armed = Record(ui, id.c_str(), seg.text, lo, hi, true);
        if (armed && ImGui::IsWindowHovered() && ImGui::IsMouseHoveringRect(lo, hi) &&
            ImGui::IsMouseReleased(0) && !WasDrag())
            ui.tapped_term = seg.term;
    };
    for (const TextRun& run : runs) {
        flush();
        FontRole role = base;
        if ((run.bold || !run.term.empty()) && base != FontRole::Heading)
            role = FontRole::Bold;
        else if (run.italic)
            role = FontRole::Italic;
        ImFont* font = ui.Font(role);
        const char* s = run.text.c_str();
        const char* end = s + run.text.size();
        while (s < end) {
            // One word with its trailing spaces; a line break in the text starts a new line.
            const char* w_end = s;
            while (w_end < end && *w_end != ' ' && *w_end != '\n')
                ++w_end;
            while (w_end < end && *w_end == ' ')
                ++w_end;
            const float w = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, s, w_end).x;
            const char* trimmed = w_end;
            while (trimmed > s && trimmed[-1] == ' ')
                --trimmed;
            const float w_trim = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, s, trimmed).x;
            if (x + w_trim > width && x > indent) {
                x = indent;
                y += line_h;
            }
            const ImVec2 at(origin.x + x, origin.y + y + (line_h - font->FontSize) * 0.5f);
            if (draw) {
                dl->AddText(font, font->FontSize, at, ToU32(colour), s, w_end);
                if (!run.term.empty() && trimmed > s) {
                    // A dotted underline says "tap me for an explanation" without looking like a web link.
                    const float uy = at.y + font->FontSize + std::max(1.0f, ui.U(0.04f));
                    const float dot = std::max(2.0f, ui.U(0.09f));
                    for (float dx = 0; dx + dot <= w_trim; dx += dot * 2)
                        dl->AddRectFilled(ImVec2(at.x + dx, uy), ImVec2(at.x + dx + dot, uy + dot),
                                          ToU32(colour));
                    // One target per line of the term: later words on the same line widen it.
                    if (seg.open && seg.y == y) {
                        seg.x1 = at.x + w_trim;
                        seg.text = std::string(seg_start, trimmed);
                    } else {
                        flush();
                        seg = {true, run.term, at.x, at.x + w_trim, y, std::string(s, trimmed)};
                        seg_start = s;
                    }
                }
            }
            x += w;
            widest = std::max(widest, x - (w - w_trim));
            s = w_end;
            if (s < end && *s == '\n') {
                ++s;
                x = indent;
                y += line_h;
            }
        }
    }
    flush();
    return ImVec2(widest, y + line_h);
}

float FlowRuns(Ui& ui, const std::vector<TextRun>& runs, float indent, float width, FontRole base,
               Rgb colour) {
    return FlowRunsAt(ui, runs, ImGui::GetCursorScreenPos(), indent, width, base, colour, 1.35f, true).y;
}

std::vector<TextRun> MarkedRuns(const std::string& text) {
    std::vector<TextRun> runs;
    for (const MarkedSpan& span : SplitMarks(text)) {
        TextRun r;
        r.text = span.text;
        r.term = span.term;
        runs.push_back(std::move(r));
    }
    return runs;
}

} // namespace

void RichText(Ui& ui, const std::vector<Block>& blocks, float width, bool tight) {
    const ThemeColors& t = *ui.colors;
    for (size_t i = 0; i < blocks.size(); ++i) {
        const Block& b = blocks[i];
        const ImVec2 start = ImGui::GetCursorScreenPos();
        float h = 0;
        switch (b.kind) {
        case BlockKind::Heading:
            if (i > 0) Space(ui, 0.3f);
            h = FlowRuns(ui, b.runs, 0, width, b.level <= 1 ? FontRole::Heading : FontRole::Bold, t.text);
            break;
        case BlockKind::Paragraph:
            h = FlowRuns(ui, b.runs, 0, width, FontRole::Body, t.text);
            break;
        case BlockKind::BulletItem:
        case BlockKind::NumberedItem: {
            const float indent = ui.U(1.3f) * (b.level + 1);
            const std::string marker = b.kind == BlockKind::BulletItem ? "•" : std::to_string(b.number) + ".";
            ImFont* font = ui.Font(b.kind == BlockKind::BulletItem ? FontRole::Bold : FontRole::Body);
            const float mw = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, marker.c_str()).x;
            const float line_h = ui.Font(FontRole::Body)->FontSize * 1.35f;
            ImGui::GetWindowDrawList()->AddText(
                font, font->FontSize,
                ImVec2(start.x + indent - ui.U(0.5f) - mw, start.y + (line_h - font->FontSize) * 0.5f),
                ToU32(t.secondary_text), marker.c_str());
            h = FlowRuns(ui, b.runs, indent, width, FontRole::Body, t.text);
            break;
        }
        }
        ImGui::Dummy(ImVec2(width, h));
        const bool terms =
            std::any_of(b.runs.begin(), b.runs.end(), [](const TextRun& r) { return !r.term.empty(); });
        RecordText(ui, b.PlainText(), start, ImVec2(start.x + width, start.y + h),
                   b.kind == BlockKind::Heading ? FontRole::Bold : FontRole::Body, terms ? "term-*" : "");
        const bool list_follows = i + 1 < blocks.size() && blocks[i + 1].kind != BlockKind::Paragraph &&
                                  blocks[i + 1].kind != BlockKind::Heading &&
                                  b.kind != BlockKind::Paragraph && b.kind != BlockKind::Heading;
        if (list_follows) // items of one list sit close together: a quarter line, not ImGui's two gaps
            ImGui::SetCursorScreenPos(ImVec2(start.x, start.y + h + ui.U(0.25f)));
        else if (i + 1 < blocks.size() || !tight)
            Space(ui, 0.35f);
    }
}

ImVec2 MeasureMarked(Ui& ui, FontRole role, const std::string& text, float wrap) {
    return FlowRunsAt(ui, MarkedRuns(text), ImVec2(0, 0), 0, wrap, role, Rgb{}, 1.0f, false);
}

ImVec2 DrawMarked(Ui& ui, FontRole role, ImVec2 pos, Rgb color, const std::string& text, float wrap,
                  const std::string& owner) {
    const ImVec2 size = FlowRunsAt(ui, MarkedRuns(text), pos, 0, wrap, role, color, 1.0f, true);
    RecordText(ui, StripMarks(text), pos, ImVec2(pos.x + size.x, pos.y + size.y), role,
               owner.empty() ? "term-*" : owner);
    return size;
}

void PackImage(Ui& ui, const std::string& path, const std::string& alt, ImVec2 max) {
    const Texture* tex = ui.textures ? &ui.textures->Get(path) : nullptr;
    if (!tex || !tex->id) {
        // The alt text in a quiet frame, so the page still makes sense.
        NoteCard(ui, ui.colors->border, ui.colors->surface, "", alt, max.x);
        return;
    }
    const float scale = std::min({max.x / tex->width, max.y / tex->height, 1.5f});
    const ImVec2 size(tex->width * scale, tex->height * scale);
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (max.x - size.x) * 0.5f);
    ImGui::Image(tex->ImId(), size);
    ui.record.texts.push_back("[image] " + alt);
}

} // namespace sb::ui

namespace sb::ui {
void ProgressBar(const Ui& ui, float fraction, float width) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 p0 = ImGui::GetCursorScreenPos();
    const float h = ui.U(0.35f);
    dl->AddRectFilled(p0, ImVec2(p0.x + width, p0.y + h), ToU32(ui.colors->secondary), h * 0.5f);
    if (fraction > 0)
        dl->AddRectFilled(p0, ImVec2(p0.x + width * std::min(1.0f, fraction), p0.y + h),
                          ToU32(ui.colors->primary), h * 0.5f);
    ImGui::Dummy(ImVec2(width, h));
}

void QrCode(Ui& ui, const QrMatrix& qr, ImVec2 at, float side) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(at, ImVec2(at.x + side, at.y + side), IM_COL32_WHITE, ui.U(0.3f));
    if (qr.Empty()) return;
    const int cells = qr.size + 2 * kQrQuietZone;
    const float m = std::floor(side / cells); // whole pixels per module: no blurred edges for a camera
    const float x0 = std::floor(at.x + (side - m * qr.size) * 0.5f),
                y0 = std::floor(at.y + (side - m * qr.size) * 0.5f);
    for (int y = 0; y < qr.size; ++y)
        for (int x = 0; x < qr.size; ++x)
            if (qr.Dark(x, y))
                dl->AddRectFilled(ImVec2(x0 + x * m, y0 + y * m), ImVec2(x0 + (x + 1) * m, y0 + (y + 1) * m),
                                  IM_COL32(0x1E, 0x23, 0x2E, 0xFF));
}

} // namespace sb::ui
