#pragma once
// The named constants of the expression language (SCENARIO_FORMAT.md "Expressions"): TRUE, FALSE,
// NULL, the NTSTATUS codes and the file flag names of SEMANTICS.md §7.1-7.2, with their real values.
//
// NTSTATUS convention: an NTSTATUS is a 32-bit LONG; every value of the language is int64. A status
// is held as its sign-extended int32 value, both in these constants and in the locals a model writes
// (use ntStatus() for both). So STATUS_INVALID_HANDLE is -1073741816 (0xC0000008 as LONG), `s < 0`
// means failure as in C, and `status == STATUS_TIMEOUT` holds for the value a model stored. A hex
// literal is not sign-extended: `0xC0000008` is the positive 3221225480 and does not compare equal to
// STATUS_INVALID_HANDLE; write the name. NT_SUCCESS(x) is (int32)x >= 0 and so accepts both forms.
// Access masks and other flags are ULONGs and stay positive (GENERIC_READ is 0x80000000).

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace checker {

// The int64 value of an NTSTATUS code: sign-extended from 32 bits.
constexpr int64_t ntStatus(uint32_t code)
{
    return int64_t(int32_t(code));
}

struct NamedConstant {
    std::string_view name;
    int64_t value;
};

// The value of the built-in constant `name`, if there is one.
std::optional<int64_t> namedConstant(std::string_view name);

// Every built-in constant, in a fixed order.
std::span<const NamedConstant> allNamedConstants();

// The flag arguments of the file calls; each accepts only its own group's names.
enum class FlagGroup : uint8_t { Access, Share, Disposition, Options };

// The names a flag argument of `group` accepts, in documentation order.
std::span<const NamedConstant> flagNames(FlagGroup group);

}  // namespace checker
