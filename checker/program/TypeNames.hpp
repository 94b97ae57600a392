#pragma once
// The spellings of the enumerations of Program.hpp, as scenarios and reports write them.

#include "checker/program/Program.hpp"

#include <array>
#include <optional>
#include <string_view>

namespace checker {

inline constexpr std::array<std::string_view, size_t(ObjectType::Count_)> kObjectTypeNames{
    "EX_PUSH_LOCK", "KMUTEX", "ERESOURCE", "KEVENT", "KSEMAPHORE", "FAST_MUTEX", "KSPIN_LOCK",
};

// "EX_PUSH_LOCK", "KMUTEX", ...
constexpr std::string_view objectTypeName(ObjectType type)
{
    return kObjectTypeNames[size_t(type)];
}

constexpr std::optional<ObjectType> objectTypeByName(std::string_view name)
{
    for (size_t i = 0; i < kObjectTypeNames.size(); ++i)
        if (kObjectTypeNames[i] == name) return ObjectType(i);
    return std::nullopt;
}

// "NotificationEvent" or "SynchronizationEvent".
constexpr std::string_view eventTypeName(EventType type)
{
    return type == EventType::NotificationEvent ? "NotificationEvent" : "SynchronizationEvent";
}

constexpr std::optional<EventType> eventTypeByName(std::string_view name)
{
    if (name == "NotificationEvent") return EventType::NotificationEvent;
    if (name == "SynchronizationEvent") return EventType::SynchronizationEvent;
    return std::nullopt;
}

}  // namespace checker
