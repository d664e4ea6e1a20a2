; false - do nothing, unsuccessfully.
;
; Usage: false [ignored arguments]
; Exit status: 1.
; Differences from GNU: `false --help` and `false --version` print nothing
; (GNU prints its help or version text, and still exits 1).

%include "subk.inc"

_start:
	exit 1

program_end
