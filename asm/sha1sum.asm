; sha1sum - print or check SHA1 (160-bit) checksums.
;
; Usage: sha1sum [-bctwz] [--tag] [--ignore-missing] [--quiet] [--status]
;                [--strict] [FILE]...
; Options, output, check mode, exit status: rt/hashsum.inc, the front end
; shared with md5sum and sha256sum (GNU coreutils 9.1's behaviour).
; The core (rt/sha1_blocks.inc) uses the SHA extensions when cpuid says
; the CPU has them (with SSSE3 and SSE4.1), else plain integer code.
; Differences from GNU: those of the front end (see there and README).

%define FAST_SYSCALL counted            ; i386: the vDSO's entry after 64 calls
%define VSYS_COUNT 64                   ; (-c of a ten-line list makes 45: 16 KiB)
%include "subk.inc"
	hash_utility 5, 1, 'SHA1', sha1_blocks  ; 5 dwords, big-endian, its tag

hash_iv:                        ; FIPS 180-4, 5.3.1
	dd 0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0

program_end
