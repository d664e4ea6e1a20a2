; true - do nothing, successfully.
;
; Usage: true [ignored arguments]
; Exit status: 0.
; Differences from GNU: `true --help` and `true --version` print nothing
; (GNU prints its help or version text when given as the only argument).

%include "subk.inc"

_start:
	exit 0

program_end
