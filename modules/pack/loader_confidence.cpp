// kind: confidence.
#include "pack/loader_internal.h"

namespace sb::loader_detail {

void ReadConfidence(Reader& r, LoadContext& ctx, const JsonSource& src, Module& m) {
    ConfidenceCheck check;
    check.items = r.IdList(src.root, "", "items");
    if (!src.root.contains("items"))
        r.Error("", "missing-field",
                "The field \"items\" is missing. List the confidence items to ask, e.g. [\"prepared\"].",
                "Het veld \"items\" ontbreekt. Noem de stellingen die je wilt vragen, bijvoorbeeld "
                "[\"prepared\"].");
    for (size_t i = 0; i < check.items.size(); ++i) {
        const std::string ptr = PointerAppend("/items", i);
        ctx.item_refs.push_back({src.file, ptr, src.At(ptr), check.items[i]});
    }
    if (const json* v = r.Get(src.root, "", "retrospective", JsonKind::Bool, false))
        check.retrospective = v->get<bool>();
    m.content = std::move(check);
}

} // namespace sb::loader_detail
