#pragma once
// Coarse times for the anonymous log: a date and a part of the day, never a clock time, so an answer
// cannot be matched to the moment someone was seen at the kiosk.
//
// The engine never reads the wall clock itself: callers pass the time in (the kiosk passes
// std::chrono::system_clock::now(), tests pass fixed times).

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace sb {

// Parts of the day, stored by their Dutch names.
//   nacht   (night)     00:00-05:59
//   ochtend (morning)   06:00-11:59
//   middag  (afternoon) 12:00-17:59
//   avond   (evening)   18:00-23:59
enum class PartOfDay { Night, Morning, Afternoon, Evening };

// A local wall-clock time, as the kiosk's time zone shows it.
struct LocalTime {
    int year = 1970;
    int month = 1;  // 1..12
    int day = 1;    // 1..31
    int hour = 0;   // 0..23
    int minute = 0; // 0..59
};

// What is stored: "YYYY-MM-DD" and a part of the day.
struct CoarseTime {
    std::string date;
    PartOfDay part = PartOfDay::Morning;
};

PartOfDay PartOfDayForHour(int hour); // hours outside 0..23 wrap around

// Converts a point in time to local time with the system's time zone (localtime_r). It reads no clock.
LocalTime ToLocalTime(std::chrono::system_clock::time_point when);

CoarseTime Coarsen(const LocalTime& time);
CoarseTime Coarsen(std::chrono::system_clock::time_point when);

// Stored names ("nacht", "ochtend", "middag", "avond") and English names for people.
std::string_view PartOfDayName(PartOfDay part);
std::string_view PartOfDayEnglish(PartOfDay part);
std::optional<PartOfDay> ParsePartOfDay(std::string_view name);

// The fixed local hour an export writes for a part of the day: the middle of it (03, 09, 15, 21), so an
// offset of up to two hours between time zones still lands in the same part of the day.
int PartOfDayExportHour(PartOfDay part);

// The date `days` days after (or before, when negative) a valid "YYYY-MM-DD" date; "" for an invalid one.
std::string AddDays(const std::string& date, int days);

// True for a real calendar date written "YYYY-MM-DD" (years 2000..2999).
bool IsValidDate(std::string_view date);

} // namespace sb
