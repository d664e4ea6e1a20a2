#!/usr/bin/env bats
# sleep: the interval GNU's asks the kernel for, found by a differential
# fuzz of intervals against GNU's sleep (strace's view of clock_nanosleep).
# gnulib's dtotimespec: the fraction times 10^9 rounded to nearest as C's
# double product, then up to a nanosecond: 2.6 is 2 s and 600000001 ns
# (the product 600000000.0000000888 rounds up to 600000000.00000012); a
# product rounded toward zero gave 600000000. Intervals of microseconds, so
# each run ends at once.
load helpers

# asked PROGRAM INTERVAL... - "SEC NSEC" of its clock_nanosleep
asked() {
	strace -e trace=clock_nanosleep,clock_nanosleep_time64 "$@" 2>&1 >/dev/null |
		sed -n 's/.*tv_sec=\([0-9]*\), tv_nsec=\([0-9]*\).*/\1 \2/p' | head -1
}

@test "the nanoseconds of fractions whose product by 10^9 rounds up, as GNU's" {
	command -v strace >/dev/null || skip "strace not installed"
	local v
	for v in 0.000259004 0.0000080160 0.0000309910 0.0000155620 0.0000635710 \
		0.0000159670 0.0000322710 0.0000630340 0.000001 0.0000123457 \
		'0.000008016s' '8.016e-6' '0x1.0cfp-17' '0.0000040080 0.0000040080'; do
		[ "$(asked "$(bin sleep)" $v)" = "$(asked /bin/sleep $v)" ] ||
			{ echo "$v: $(asked "$(bin sleep)" $v) / $(asked /bin/sleep $v)"; false; }
	done
	[ "$(asked "$(bin sleep)" 0.000259004)" = "0 259005" ]
}
