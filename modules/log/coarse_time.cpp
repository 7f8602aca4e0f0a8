#include "log/coarse_time.h"

#include <cstdio>
#include <ctime>

namespace sb {

PartOfDay PartOfDayForHour(int hour) {
    hour = ((hour % 24) + 24) % 24;
    if (hour < 6) {
        return PartOfDay::Night;
    }
    if (hour < 12) {
        return PartOfDay::Morning;
    }
    if (hour < 18) {
        return PartOfDay::Afternoon;
    }
    return PartOfDay::Evening;
}

LocalTime ToLocalTime(std::chrono::system_clock::time_point when) {
    const std::time_t seconds = std::chrono::system_clock::to_time_t(when);
    std::tm parts{};
    if (localtime_r(&seconds, &parts) == nullptr) {
        return LocalTime{};
    }
    return LocalTime{parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday, parts.tm_hour, parts.tm_min};
}

CoarseTime Coarsen(const LocalTime& time) {
    char date[32];
    std::snprintf(date, sizeof date, "%04d-%02d-%02d", time.year, time.month, time.day);
    return CoarseTime{date, PartOfDayForHour(time.hour)};
}

CoarseTime Coarsen(std::chrono::system_clock::time_point when) {
    return Coarsen(ToLocalTime(when));
}

std::string_view PartOfDayName(PartOfDay part) {
    switch (part) {
    case PartOfDay::Night:
        return "nacht";
    case PartOfDay::Morning:
        return "ochtend";
    case PartOfDay::Afternoon:
        return "middag";
    case PartOfDay::Evening:
        return "avond";
    }
    return "ochtend";
}

std::string_view PartOfDayEnglish(PartOfDay part) {
    switch (part) {
    case PartOfDay::Night:
        return "night";
    case PartOfDay::Morning:
        return "morning";
    case PartOfDay::Afternoon:
        return "afternoon";
    case PartOfDay::Evening:
        return "evening";
    }
    return "morning";
}

std::optional<PartOfDay> ParsePartOfDay(std::string_view name) {
    for (PartOfDay part : {PartOfDay::Night, PartOfDay::Morning, PartOfDay::Afternoon, PartOfDay::Evening}) {
        if (name == PartOfDayName(part)) {
            return part;
        }
    }
    return std::nullopt;
}

int PartOfDayExportHour(PartOfDay part) {
    switch (part) {
    case PartOfDay::Night:
        return 3;
    case PartOfDay::Morning:
        return 9;
    case PartOfDay::Afternoon:
        return 15;
    case PartOfDay::Evening:
        return 21;
    }
    return 9;
}

std::string AddDays(const std::string& date, int days) {
    if (!IsValidDate(date)) {
        return "";
    }
    // Civil-date arithmetic on days since 1970 (no time zone, no clock).
    using namespace std::chrono;
    const year_month_day ymd{year{std::stoi(date.substr(0, 4))},
                             month{static_cast<unsigned>(std::stoi(date.substr(5, 2)))},
                             day{static_cast<unsigned>(std::stoi(date.substr(8, 2)))}};
    const year_month_day moved{sys_days{ymd} + std::chrono::days{days}};
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(moved.year()),
                  static_cast<unsigned>(moved.month()), static_cast<unsigned>(moved.day()));
    return buffer;
}

bool IsValidDate(std::string_view date) {
    if (date.size() != 10 || date[4] != '-' || date[7] != '-') {
        return false;
    }
    int digits[8];
    int n = 0;
    for (std::size_t i = 0; i < date.size(); ++i) {
        if (i == 4 || i == 7) {
            continue;
        }
        if (date[i] < '0' || date[i] > '9') {
            return false;
        }
        digits[n++] = date[i] - '0';
    }
    const int year = digits[0] * 1000 + digits[1] * 100 + digits[2] * 10 + digits[3];
    const int month = digits[4] * 10 + digits[5];
    const int day = digits[6] * 10 + digits[7];
    if (year < 2000 || year > 2999 || month < 1 || month > 12 || day < 1) {
        return false;
    }
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    const int max_day = kDays[month - 1] + ((month == 2 && leap) ? 1 : 0);
    return day <= max_day;
}

} // namespace sb
