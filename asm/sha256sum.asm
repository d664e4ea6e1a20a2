; sha256sum - print or check SHA256 (256-bit) checksums.
;
; Usage: sha256sum [-bctwz] [--tag] [--ignore-missing] [--quiet] [--status]
;                  [--strict] [FILE]...
; sha1sum's program (asm/sha1sum.asm: rt/hashsum.inc's options, output,
; check mode, exit status and differences from GNU) over the SHA-256 core,
; rt/sha256_blocks.inc (the SHA extensions when cpuid has them, else
; plain integer code).

%define FAST_SYSCALL counted            ; i386: the vDSO's entry after 64 calls
%define VSYS_COUNT 64                   ; (-c of a ten-line list makes 45: 16 KiB)
%include "subk.inc"
	hash_utility 8, 1, 'SHA256', sha256_blocks ; 8 dwords, big-endian, its tag

hash_iv:                        ; FIPS 180-4, 5.3.3
	dd 0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a
	dd 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19

program_end
