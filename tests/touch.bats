#!/usr/bin/env bats
# touch: what difftest cannot run: the user cases as a non-root user, a
# read-only file system, local times outside UTC (refused clearly), the
# current year of a short -t, and the peak RSS.
load helpers

@test "the user cases as a non-root user" {
	user_cases touch
}

@test "a read-only file system: GNU's messages, the other operand still made" {
	mkdir ro && touch ro/old
	local m="%s: cannot touch 'ro/f': Read-only file system\n%s: cannot touch 'ro/old': Read-only file system"
	ro_fs_fails touch "$m" ro/f ro/old f
	[ -f f ]
	ro_fs_fails /usr/bin/touch "$m" ro/f ro/old
}

@test "local times only with TZ=UTC: refused clearly, zones and epochs still work" {
	run env TZ=Europe/Paris "$(bin touch)" -d 2020-01-02 f
	[ "$status" -eq 1 ]
	[ "$output" = "$(bin touch): local times are supported only with TZ=UTC" ]
	[ ! -e f ]
	run env -u TZ "$(bin touch)" -t 202001020304 f
	[ "$status" -eq 1 ]
	env TZ=Europe/Paris "$(bin touch)" -d 2020-01-02T03:04:05+01:00 f
	[ "$(stat -c %Y f)" = 1577930645 ]
	env TZ=:UTC "$(bin touch)" -d 2020-01-02 g
	[ "$(stat -c %Y g)" = 1577923200 ]
}

@test "-t MMDDhhmm takes the current year, as GNU" {
	TZ=UTC "$(bin touch)" -t 01020304 a
	TZ=UTC /usr/bin/touch -t 01020304 b
	[ "$(stat -c %Y a)" = "$(stat -c %Y b)" ]
}

@test "dates past 2038 and before 1901 on both arches" {
	TZ=UTC "$(bin touch)" -d "2100-03-01 00:00:01" a
	TZ=UTC "$(bin touch)" -d @-3000000000 b
	[ "$(stat -c %Y a)" = 4107542401 ]
	TZ=UTC /usr/bin/touch -d @-3000000000 c    # (the file system may clamp it)
	[ "$(stat -c %Y b)" = "$(stat -c %Y c)" ]
}

@test "peak RSS" {
	rss_at_most 16 touch f
	rss_at_most 16 touch -d @5 -m g
}
