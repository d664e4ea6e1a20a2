; sum - the 16-bit checksum and the block count of each FILE.
;
; Usage: sum [-rs] [FILE]...
;   -r          the BSD checksum (the default), 1024-byte blocks
;   -s, --sysv  the System V checksum, 512-byte blocks
; The last of -r and -s wins. Each line is "%05d %5s" (BSD) or "%d %s"
; (System V): the checksum and the blocks (the size rounded up), then
; " NAME" when there is a FILE operand (the name as given); "-" and no
; FILE mean standard input. Options may follow the operands (GNU's
; getopt_long permutes); with POSIXLY_CORRECT in the environment the first
; operand ends them, as GNU's getopt: "sum f -s" then sums f and a file
; "-s".
; BSD: for each byte, the 16-bit checksum is rotated right by one and the
; byte added. System V: the 32-bit (wrapping, as GNU's unsigned int) sum
; of the bytes s, r = (s & 0xffff) + (s >> 16), the checksum
; (r & 0xffff) + (r >> 16). Sizes are 64-bit on both arches.
; Exit status: 0; 1 when a FILE cannot be opened or read ("sum: NAME:
; Reason", no line for it, the others still done), when standard input
; was read and cannot be closed, and on a write error (GNU's "write
; error", said once at the end).
; Differences from GNU: --help and --version get GNU's "unrecognized
; option" (see README).
;
; The sums themselves are rt/sum_file.inc's (shared with cksum -a bsd,
; -a sysv): BSD's rotation makes each byte depend on the one before, but
; 16 zero bytes are skipped; System V sums 16 bytes a step with psadbw.

%define FAST_SYSCALL                    ; i386: the vDSO's entry after 32 calls
%include "subk.inc"
%include "rt/sum_common.inc"
use usage, long_opt, err_file, errno_path, u64toa, posixly, sum_file
%define LONGOPT_AMBIGUOUS               ; GNU's message for --=x
%define LONGOPT_BSS_HERE                ; ambp with the variables
%define U64TOA_WIDTH

BUFSZ	equ 2048 * 1024 / W     ; one read (as cksum's): 256 KiB, 512 on i386

_start:
	fast_syscall_init counted       ; i386: int 0x80 for the first 32 calls
	pop_argv0                       ; xsp = &argv[1]

; The options, as GNU's getopt_long walks them: each argument is read at
; xbx (long_opt's next slot) and kept at xdi, which moves on only for an
; operand ("-" is one); "--" makes the rest operands, and so does the
; first operand with POSIXLY_CORRECT; [sysv] = 1 after -s (or --sysv and
; its prefixes), 0 after -r. --help and --version are refused as
; unrecognized.
	mov xbx, xsp
	mov xdi, xsp
.arg:
	mov xsi, [xbx]
	add xbx, W
	mov [xdi], xsi
	test xsi, xsi
	jz .options_done
	dash_letter .operand
	cmp al, '-'
	je .long
.letter:
	sub al, 'r'                     ; 'r' -> 0, 's' -> 1
	cmp al, 1
	ja .invalid
	mov [sysv], al
	lodsb
	test al, al
	jnz .letter
	jmp .arg
.invalid:
	add al, 'r'
	jmp opt_invalid
.long:
	cmp byte [xsi], 0
	je .rest
	call long_opt
	cmp al, '?'
	je .refused
	mov byte [sysv], 1              ; --sysv
	jmp .arg
.refused:
	mov xdx, [xbx - W]
	jmp opt_unrecognized

; An operand, kept: with POSIXLY_CORRECT set (asked at the first one:
; macros.inc's posixly_first), getopt stops there: as after "--".
.operand:
	posixly_first .arg, xbx          ; (xbx: the next argument's slot)
.rest:                                  ; after "--": operands only
	mov xsi, [xbx]
	add xbx, W
	mov [xdi], xsi
	test xsi, xsi
	jz .options_done
	scasW
	jmp .rest

; The operands are at xsp up to xdi, then NULL; none is "-" unnamed.
.options_done:
	cmp xdi, xsp
	setne [named]
	jne next_file
	push dash

; Each operand: open it (or take fd 0 for "-"), sum it (rt/sum_file.inc),
; print the line.
sum_next_file .failed
	call sum_file
	jc .failed
	sum_line
.failed:
	mov xsi, [name]
	call err_file
	jmp next_file

sum_finish

OPTSPEC:	db 'rs', 0
LONGOPTS:
	db 's', 'sysv', 0
	db '?', 'help', 0
	db '?', 'version', 0
	db 0
dash:		db '-', 0
msg_stdin:	db 'standard input', 0
msg_write:	db 'write error', 0

; The small variables first: they share a page with the start of buf,
; where a small input and every output line go.
BSS
len:	resd 2                          ; this file's byte count
bsd:	resd 1                          ; the BSD checksum (16 bits)
name:	resW 1                          ; this operand
stdin_used: resb 1                      ; 1 once "-" was read
sysv:	resb 1                          ; 1: System V (-s)
named:	resb 1                          ; 1: the lines carry the names
werr:	resb 1                          ; not 0 once a write failed
ambp:	resd 1                          ; long_opt's (every long option)
buf:	resb BUFSZ + 16
ambbuf:	resb 512                        ; long_opt's, for an ambiguous name

program_end
