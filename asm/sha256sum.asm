; sha256sum - print or check SHA256 (256-bit) checksums.
;
; Usage: sha256sum [-bctwz] [--tag] [--ignore-missing] [--quiet] [--status]
;                  [--strict] [FILE]...
; Options, output, check mode, exit status: rt/hashsum.inc, the front end
; shared with md5sum and sha1sum (GNU coreutils 9.1's behaviour).
; The core (rt/sha256_blocks.inc) uses the SHA extensions when cpuid says
; the CPU has them (with SSSE3 and SSE4.1), else plain integer code.
; Differences from GNU: those of the front end (see there and README).

%define FAST_SYSCALL counted            ; i386: the vDSO's entry after 64 calls
%define VSYS_COUNT 64                   ; (-c of a ten-line list makes 45: 16 KiB)
%include "subk.inc"
HASH_WORDS      equ 8           ; dwords of state = digest
HASH_BIG_ENDIAN equ 1           ; SHA: big-endian length and output words
%define HASH_TAG 'SHA256'       ; the BSD tag, also in GNU's messages
	use hashsum

hash_iv:                        ; FIPS 180-4, 5.3.3
	dd 0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a
	dd 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19
	use sha256_blocks

program_end
