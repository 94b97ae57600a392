#include "checker/detect/FinalState.hpp"

#include "checker/program/Eval.hpp"

namespace checker {

namespace {

constexpr size_t kListed = 5;   // paths named in a message

struct Breaches {
    std::vector<std::string> paths;  // the first kListed, with what is wrong with each
    size_t count = 0;
    // Counts one more; whether its path is among those a message names.
    bool listed() { return count++ < kListed; }
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
    if (resolvedFor_ != world.fs.idSpace()) resolve(world.fs);
    for (size_t i = 0; i < resolved_.size(); ++i) checkPredicate(world, i, out);
}

void FinalStateChecker::resolve(const fs::FileSystem& fs) const
{
    resolved_.assign(program_.expect.final.size(), Resolved{});
    contents_.clear();
    int64_t locals[1] = {0};
    std::string path;
    for (size_t i = 0; i < resolved_.size(); ++i) {
        const FinalPredicate& p = program_.expect.final[i];
        Resolved& r = resolved_[i];
        for (int64_t v = p.from; v < p.below; ++v, ++r.checked) {
            locals[0] = v;
            if (expandTemplate(program_, p.path, locals, path) != EvalError::None) continue;
            Target t;
            t.value = v;
            t.path = fs.pathIdOf(path);
            t.sized = !p.size.empty() && evalExpr(program_, p.size, locals, t.size) == EvalError::None;
            std::string expected;
            if (p.content >= 0 && expandTemplate(program_, p.content, locals, expected) == EvalError::None) {
                t.content = int32_t(contents_.size());
                contents_.push_back(std::move(expected));
            }
            r.targets.push_back(t);
        }
    }
    resolvedFor_ = fs.idSpace();
}

void FinalStateChecker::checkPredicate(const World& world, size_t index, std::vector<report::Finding>& out) const
{
    const FinalPredicate& p = program_.expect.final[index];
    bool wantsPresent = p.exists == FinalPredicate::Exists::Yes || !p.size.empty() || p.content >= 0;
    Breaches lost, unexpected, content;
    std::string path;
    auto add = [&](Breaches& b, const Target& t, const std::string& detail) {
        if (!b.listed()) return;
        int64_t locals[1] = {t.value};
        expandTemplate(program_, p.path, locals, path);
        b.paths.push_back(detail.empty() ? path : path + " (" + detail + ")");
    };
    for (const Target& t : resolved_[index].targets) {
        const fs::FsNode* node = world.fs.findId(t.path);
        if (!node) {
            if (wantsPresent) add(lost, t, "");
            continue;
        }
        if (p.exists == FinalPredicate::Exists::No) {
            add(unexpected, t, "");
            continue;
        }
        if (t.sized && t.size != int64_t(node->data.size())) {
            add(content, t, std::to_string(node->data.size()) + " bytes, expected " + std::to_string(t.size));
            continue;
        }
        if (t.content >= 0 && !(node->data == contents_[size_t(t.content)]))
            add(content, t, "other bytes than expected");
    }
    int64_t checked = resolved_[index].checked;
    if (lost.count) out.push_back(makeFinding(report::FindingKind::LostFile, p, lost, checked, "are missing"));
    if (unexpected.count)
        out.push_back(makeFinding(report::FindingKind::UnexpectedFile, p, unexpected, checked, "to be absent exist"));
    if (content.count)
        out.push_back(makeFinding(report::FindingKind::FileContent, p, content, checked, "have other content"));
}

}  // namespace checker
