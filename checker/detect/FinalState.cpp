#include "checker/detect/FinalState.hpp"

#include "checker/program/Eval.hpp"

namespace checker {

namespace {

constexpr size_t kListed = 5;   // paths named in a message

struct Breaches {
    std::vector<std::string> paths;
    size_t count = 0;
    void add(const std::string& path, const std::string& detail)
    {
        if (count++ < kListed) paths.push_back(detail.empty() ? path : path + " (" + detail + ")");
    }
};

report::Finding makeFinding(report::FindingKind kind, const FinalPredicate& p, const Breaches& b, int64_t checked,
                            const char* what)
{
    report::Finding f;
    f.kind = kind;
    f.fingerprint = std::string(report::findingKindId(kind)) + ":" + p.pointer;
    std::string list;
    for (const auto& path : b.paths) list += (list.empty() ? "" : ", ") + path;
    if (b.count > b.paths.size()) list += ", and " + std::to_string(b.count - b.paths.size()) + " more";
    f.message = std::to_string(b.count) + " of " + std::to_string(checked) + (checked == 1 ? " path" : " paths") +
                " expected by " + p.pointer + " " + what + " at the end: " + list;
    for (const auto& path : b.paths) f.objects.push_back(path.substr(0, path.find(" (")));
    return f;
}

}  // namespace

void FinalStateChecker::check(const World& world, std::vector<report::Finding>& out) const
{
    for (const FinalPredicate& p : program_.expect.final) checkPredicate(world, p, out);
}

void FinalStateChecker::checkPredicate(const World& world, const FinalPredicate& p,
                                       std::vector<report::Finding>& out) const
{
    bool wantsPresent = p.exists == FinalPredicate::Exists::Yes || !p.size.empty() || p.content >= 0;
    Breaches lost, unexpected, content;
    int64_t locals[1] = {0};
    std::string path, expected;
    int64_t checked = 0;
    for (int64_t v = p.from; v < p.below; ++v, ++checked) {
        locals[0] = v;
        if (expandTemplate(program_, p.path, locals, path) != EvalError::None) continue;
        const fs::FsNode* node = world.fs.find(path);
        if (!node) {
            if (wantsPresent) lost.add(path, "");
            continue;
        }
        if (p.exists == FinalPredicate::Exists::No) {
            unexpected.add(path, "");
            continue;
        }
        int64_t size = 0;
        if (!p.size.empty() && evalExpr(program_, p.size, locals, size) == EvalError::None &&
            size != int64_t(node->data.size())) {
            content.add(path, std::to_string(node->data.size()) + " bytes, expected " + std::to_string(size));
            continue;
        }
        if (p.content >= 0 && expandTemplate(program_, p.content, locals, expected) == EvalError::None &&
            !(node->data == expected))
            content.add(path, "other bytes than expected");
    }
    if (lost.count) out.push_back(makeFinding(report::FindingKind::LostFile, p, lost, checked, "are missing"));
    if (unexpected.count)
        out.push_back(makeFinding(report::FindingKind::UnexpectedFile, p, unexpected, checked, "to be absent exist"));
    if (content.count)
        out.push_back(makeFinding(report::FindingKind::FileContent, p, content, checked, "have other content"));
}

}  // namespace checker
