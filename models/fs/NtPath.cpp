#include "models/fs/NtPath.hpp"

#include "models/fs/NtCodes.hpp"

namespace checker::fs {

namespace {

constexpr size_t kMaxComponent = 255;

bool startsWithFolded(std::string_view s, std::string_view prefix)
{
    if (s.size() < prefix.size()) return false;
    for (size_t i = 0; i < prefix.size(); ++i)
        if (foldChar(s[i]) != foldChar(prefix[i])) return false;
    return true;
}

bool forbiddenInName(char c)
{
    auto u = static_cast<unsigned char>(c);
    if (u < 0x20) return true;
    switch (c) {
    case '"': case '*': case '/': case ':': case '<': case '>': case '?': case '|': return true;
    default: return false;
    }
}

// Strips the object-namespace prefix. Returns the status when the name cannot be a DOS path.
uint32_t stripPrefix(std::string_view& rest)
{
    for (std::string_view prefix : {"\\DosDevices\\", "\\??\\", "\\GLOBAL??\\"}) {
        if (startsWithFolded(rest, prefix)) {
            rest.remove_prefix(prefix.size());
            return 0;
        }
    }
    if (!rest.empty() && rest[0] == '\\') return status::ObjectPathNotFound;
    bool drive = rest.size() >= 2 && rest[1] == ':' && foldChar(rest[0]) >= 'A' && foldChar(rest[0]) <= 'Z';
    return drive ? 0 : status::ObjectPathSyntaxBad;
}

// Appends the components of `rest` (what follows "C:\") to out.key / out.display.
uint32_t appendComponents(std::string_view rest, ParsedPath& out)
{
    while (!rest.empty()) {
        size_t end = rest.find('\\');
        std::string_view comp = rest.substr(0, end);
        bool last = end == std::string_view::npos;
        if (comp.empty()) return status::ObjectNameInvalid;
        if (comp == "." || comp == ".." || comp.size() > kMaxComponent) return status::ObjectNameInvalid;
        for (char c : comp)
            if (forbiddenInName(c)) return status::ObjectNameInvalid;
        out.key += '\\';
        for (char c : comp) out.key += foldChar(c);
        if (out.display.size() > 3) out.display += '\\';
        out.display += comp;
        if (last) break;
        rest.remove_prefix(end + 1);
        if (rest.empty()) out.trailingBackslash = true;
    }
    return 0;
}

}  // namespace

uint32_t parseNtPath(std::string_view raw, ParsedPath& out)
{
    out.key.clear();
    out.display.clear();
    out.trailingBackslash = false;
    std::string_view rest = raw;
    out.status = stripPrefix(rest);
    if (out.status) return out.status;
    if (rest.size() < 2 || rest[1] != ':' || foldChar(rest[0]) < 'A' || foldChar(rest[0]) > 'Z')
        return out.status = status::ObjectPathNotFound;
    if (foldChar(rest[0]) != 'C') return out.status = status::ObjectPathNotFound;
    if (rest.size() == 2 || rest[2] != '\\') return out.status = status::ObjectNameInvalid;
    out.key = "C:";
    out.display = "C:\\";
    out.status = appendComponents(rest.substr(3), out);
    return out.status;
}

std::string_view parentKey(std::string_view key)
{
    size_t slash = key.rfind('\\');
    if (slash == std::string_view::npos) return {};
    return key.substr(0, slash);
}

std::string_view leafName(std::string_view path)
{
    if (!path.empty() && path.back() == '\\') return {};
    size_t slash = path.rfind('\\');
    return slash == std::string_view::npos ? std::string_view{} : path.substr(slash + 1);
}

}  // namespace checker::fs
