#pragma once
// The NTSTATUS codes, access rights, share modes, dispositions and create options of the file
// calls, with their real values (SEMANTICS.md §7.1-7.2, ntstatus.h / wdm.h). Statuses are kept as
// the unsigned 32-bit code here; a model that writes one to a local converts it with ntStatus().

#include <cstdint>

namespace checker::fs {

namespace status {
constexpr uint32_t Success = 0x00000000;
constexpr uint32_t InvalidHandle = 0xC0000008;
constexpr uint32_t InvalidParameter = 0xC000000D;
constexpr uint32_t EndOfFile = 0xC0000011;
constexpr uint32_t AccessDenied = 0xC0000022;
constexpr uint32_t ObjectNameInvalid = 0xC0000033;
constexpr uint32_t ObjectNameNotFound = 0xC0000034;
constexpr uint32_t ObjectNameCollision = 0xC0000035;
constexpr uint32_t ObjectPathNotFound = 0xC000003A;
constexpr uint32_t ObjectPathSyntaxBad = 0xC000003B;
constexpr uint32_t SharingViolation = 0xC0000043;
constexpr uint32_t DeletePending = 0xC0000056;
constexpr uint32_t DiskFull = 0xC000007F;
constexpr uint32_t FileIsADirectory = 0xC00000BA;
constexpr uint32_t DirectoryNotEmpty = 0xC0000101;
constexpr uint32_t NotADirectory = 0xC0000103;
constexpr uint32_t CannotDelete = 0xC0000121;
}  // namespace status

// The symbolic name of a status this model returns ("STATUS_SHARING_VIOLATION"), for reports.
const char* statusName(uint32_t code);

namespace access {
constexpr uint32_t ReadData = 0x1;
constexpr uint32_t WriteData = 0x2;
constexpr uint32_t AppendData = 0x4;
constexpr uint32_t WriteEa = 0x10;
constexpr uint32_t Execute = 0x20;
constexpr uint32_t WriteAttributes = 0x100;
constexpr uint32_t Delete = 0x10000;
constexpr uint32_t Synchronize = 0x100000;
constexpr uint32_t MaximumAllowed = 0x02000000;
constexpr uint32_t GenericAll = 0x10000000;
constexpr uint32_t GenericExecute = 0x20000000;
constexpr uint32_t GenericWrite = 0x40000000;
constexpr uint32_t GenericRead = 0x80000000;
constexpr uint32_t FileGenericRead = 0x120089;
constexpr uint32_t FileGenericWrite = 0x120116;
constexpr uint32_t FileGenericExecute = 0x1200A0;
constexpr uint32_t FileAllAccess = 0x1F01FF;
}  // namespace access

namespace share {
constexpr uint32_t Read = 1, Write = 2, Delete = 4, All = 7;
}

namespace disposition {
constexpr uint32_t Supersede = 0, Open = 1, Create = 2, OpenIf = 3, Overwrite = 4, OverwriteIf = 5;
}

namespace information {
constexpr int64_t Superseded = 0, Opened = 1, Created = 2, Overwritten = 3;
}

namespace options {
constexpr uint32_t DirectoryFile = 0x1;
constexpr uint32_t SynchronousIoAlert = 0x10;
constexpr uint32_t SynchronousIoNonalert = 0x20;
constexpr uint32_t NonDirectoryFile = 0x40;
constexpr uint32_t DeleteOnClose = 0x1000;
constexpr uint32_t Synchronous = SynchronousIoAlert | SynchronousIoNonalert;
}  // namespace options

// Byte offsets with a meaning of their own (LARGE_INTEGER {LowPart, HighPart -1}).
constexpr int64_t kWriteToEndOfFile = -1;
constexpr int64_t kUseFilePointerPosition = -2;

// The file-specific rights of `desired`: generic rights mapped through the file generic mapping
// (GENERIC_WRITE has no DELETE; GENERIC_ALL is FILE_ALL_ACCESS, which has) and MAXIMUM_ALLOWED
// granted as FILE_ALL_ACCESS (the model has no security descriptors: every right is grantable).
constexpr uint32_t mapGenericAccess(uint32_t desired)
{
    uint32_t out = desired & ~(access::GenericRead | access::GenericWrite | access::GenericExecute |
                               access::GenericAll | access::MaximumAllowed);
    if (desired & access::GenericRead) out |= access::FileGenericRead;
    if (desired & access::GenericWrite) out |= access::FileGenericWrite;
    if (desired & access::GenericExecute) out |= access::FileGenericExecute;
    if (desired & (access::GenericAll | access::MaximumAllowed)) out |= access::FileAllAccess;
    return out;
}

}  // namespace checker::fs
