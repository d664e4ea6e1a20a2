; md5sum - print or check MD5 (128-bit) checksums (RFC 1321).
;
; Usage: md5sum [OPTION]... [FILE]...
;   -b, --binary   "HASH *NAME"          -t, --text   "HASH  NAME" (default)
;   -c, --check    read "HASH  NAME" lines (and the other forms) from the
;                  FILEs and check them
;   --tag          BSD lines: "MD5 (NAME) = HASH"
;   -z, --zero     lines end with NUL, names are not escaped
;   with -c: --ignore-missing, --quiet, --status, --strict, -w/--warn
; "-" and no FILE mean standard input. Everything but the MD5 core is the
; front end shared with sha1sum and sha256sum: see asm/lib/rt/hashsum.inc
; for the details, the exit status and the differences from GNU.
;
; The core (asm/lib/rt/md5_blocks.inc) is fully unrolled, the constants
; immediates, the state in four registers: GNU's speed or better.

%define FAST_SYSCALL counted            ; i386: the vDSO's entry after 64 calls
%define VSYS_COUNT 64                   ; (-c of a ten-line list makes 45: 16 KiB)
%include "subk.inc"
	hash_utility 4, 0, 'MD5', md5_blocks   ; 4 dwords, little-endian, its tag

hash_iv:	dd 0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476

program_end
