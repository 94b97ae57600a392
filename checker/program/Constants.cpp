#include "checker/program/Constants.hpp"

#include <algorithm>
#include <array>

namespace checker {

namespace {

constexpr std::array<NamedConstant, 21> kAccess{{
    {"GENERIC_READ", 0x80000000},
    {"GENERIC_WRITE", 0x40000000},
    {"GENERIC_EXECUTE", 0x20000000},
    {"GENERIC_ALL", 0x10000000},
    {"FILE_READ_DATA", 0x1},
    {"FILE_WRITE_DATA", 0x2},
    {"FILE_APPEND_DATA", 0x4},
    {"FILE_READ_EA", 0x8},
    {"FILE_WRITE_EA", 0x10},
    {"FILE_EXECUTE", 0x20},
    {"FILE_DELETE_CHILD", 0x40},
    {"FILE_READ_ATTRIBUTES", 0x80},
    {"FILE_WRITE_ATTRIBUTES", 0x100},
    {"DELETE", 0x10000},
    {"READ_CONTROL", 0x20000},
    {"SYNCHRONIZE", 0x100000},
    {"MAXIMUM_ALLOWED", 0x02000000},
    {"FILE_GENERIC_READ", 0x120089},
    {"FILE_GENERIC_WRITE", 0x120116},
    {"FILE_GENERIC_EXECUTE", 0x1200A0},
    {"FILE_ALL_ACCESS", 0x1F01FF},
}};

constexpr std::array<NamedConstant, 3> kShare{{
    {"FILE_SHARE_READ", 1},
    {"FILE_SHARE_WRITE", 2},
    {"FILE_SHARE_DELETE", 4},
}};

constexpr std::array<NamedConstant, 6> kDisposition{{
    {"FILE_SUPERSEDE", 0},
    {"FILE_OPEN", 1},
    {"FILE_CREATE", 2},
    {"FILE_OPEN_IF", 3},
    {"FILE_OVERWRITE", 4},
    {"FILE_OVERWRITE_IF", 5},
}};

constexpr std::array<NamedConstant, 7> kOptions{{
    {"FILE_DIRECTORY_FILE", 0x1},
    {"FILE_WRITE_THROUGH", 0x2},
    {"FILE_NO_INTERMEDIATE_BUFFERING", 0x8},
    {"FILE_SYNCHRONOUS_IO_ALERT", 0x10},
    {"FILE_SYNCHRONOUS_IO_NONALERT", 0x20},
    {"FILE_NON_DIRECTORY_FILE", 0x40},
    {"FILE_DELETE_ON_CLOSE", 0x1000},
}};

constexpr std::array<NamedConstant, 11> kOther{{
    {"TRUE", 1},
    {"FALSE", 0},
    {"NULL", 0},
    {"FILE_SUPERSEDED", 0},
    {"FILE_OPENED", 1},
    {"FILE_CREATED", 2},
    {"FILE_OVERWRITTEN", 3},
    {"FILE_EXISTS", 4},
    {"FILE_DOES_NOT_EXIST", 5},
    {"FILE_WRITE_TO_END_OF_FILE", -1},       // LARGE_INTEGER {0xFFFFFFFF, -1}
    {"FILE_USE_FILE_POINTER_POSITION", -2},  // LARGE_INTEGER {0xFFFFFFFE, -1}
}};

constexpr std::array<NamedConstant, 38> kStatus{{
    {"STATUS_SUCCESS", ntStatus(0x00000000)},
    {"STATUS_WAIT_0", ntStatus(0x00000000)},
    {"STATUS_WAIT_1", ntStatus(0x00000001)},
    {"STATUS_WAIT_2", ntStatus(0x00000002)},
    {"STATUS_WAIT_3", ntStatus(0x00000003)},
    {"STATUS_WAIT_63", ntStatus(0x0000003F)},
    {"STATUS_ABANDONED", ntStatus(0x00000080)},
    {"STATUS_ABANDONED_WAIT_0", ntStatus(0x00000080)},
    {"STATUS_ABANDONED_WAIT_63", ntStatus(0x000000BF)},
    {"STATUS_USER_APC", ntStatus(0x000000C0)},
    {"STATUS_ALERTED", ntStatus(0x00000101)},
    {"STATUS_TIMEOUT", ntStatus(0x00000102)},
    {"STATUS_PENDING", ntStatus(0x00000103)},
    {"STATUS_UNSUCCESSFUL", ntStatus(0xC0000001)},
    {"STATUS_NOT_IMPLEMENTED", ntStatus(0xC0000002)},
    {"STATUS_INVALID_HANDLE", ntStatus(0xC0000008)},
    {"STATUS_INVALID_PARAMETER", ntStatus(0xC000000D)},
    {"STATUS_INVALID_DEVICE_REQUEST", ntStatus(0xC0000010)},
    {"STATUS_END_OF_FILE", ntStatus(0xC0000011)},
    {"STATUS_ACCESS_DENIED", ntStatus(0xC0000022)},
    {"STATUS_OBJECT_TYPE_MISMATCH", ntStatus(0xC0000024)},
    {"STATUS_OBJECT_NAME_INVALID", ntStatus(0xC0000033)},
    {"STATUS_OBJECT_NAME_NOT_FOUND", ntStatus(0xC0000034)},
    {"STATUS_OBJECT_NAME_COLLISION", ntStatus(0xC0000035)},
    {"STATUS_OBJECT_PATH_NOT_FOUND", ntStatus(0xC000003A)},
    {"STATUS_OBJECT_PATH_SYNTAX_BAD", ntStatus(0xC000003B)},
    {"STATUS_SHARING_VIOLATION", ntStatus(0xC0000043)},
    {"STATUS_MUTANT_NOT_OWNED", ntStatus(0xC0000046)},
    {"STATUS_SEMAPHORE_LIMIT_EXCEEDED", ntStatus(0xC0000047)},
    {"STATUS_DELETE_PENDING", ntStatus(0xC0000056)},
    {"STATUS_INSUFFICIENT_RESOURCES", ntStatus(0xC000009A)},
    {"STATUS_FILE_IS_A_DIRECTORY", ntStatus(0xC00000BA)},
    {"STATUS_NOT_SUPPORTED", ntStatus(0xC00000BB)},
    {"STATUS_NOT_SAME_DEVICE", ntStatus(0xC00000D4)},
    {"STATUS_DIRECTORY_NOT_EMPTY", ntStatus(0xC0000101)},
    {"STATUS_NOT_A_DIRECTORY", ntStatus(0xC0000103)},
    {"STATUS_CANNOT_DELETE", ntStatus(0xC0000121)},
    {"STATUS_MUTANT_LIMIT_EXCEEDED", ntStatus(0xC0000191)},
}};

template <size_t... N>
constexpr auto concat(const std::array<NamedConstant, N>&... parts)
{
    std::array<NamedConstant, (N + ...)> all{};
    size_t at = 0;
    ((std::copy(parts.begin(), parts.end(), all.begin() + at), at += N), ...);
    return all;
}

constexpr auto kAll = concat(kOther, kStatus, kAccess, kShare, kDisposition, kOptions);

constexpr bool namesAreUnique()
{
    for (size_t i = 0; i < kAll.size(); ++i)
        for (size_t j = i + 1; j < kAll.size(); ++j)
            if (kAll[i].name == kAll[j].name) return false;
    return true;
}
static_assert(namesAreUnique(), "every constant name is defined once");

}  // namespace

std::optional<int64_t> namedConstant(std::string_view name)
{
    for (const NamedConstant& constant : kAll)
        if (constant.name == name) return constant.value;
    return std::nullopt;
}

std::span<const NamedConstant> allNamedConstants()
{
    return kAll;
}

std::span<const NamedConstant> flagNames(FlagGroup group)
{
    switch (group) {
    case FlagGroup::Access: return kAccess;
    case FlagGroup::Share: return kShare;
    case FlagGroup::Disposition: return kDisposition;
    case FlagGroup::Options: return kOptions;
    }
    return {};
}

}  // namespace checker
