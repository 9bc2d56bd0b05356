/*
 * calendar.c: school holidays and public holidays, the days off every
 * collège shares, so that nobody has to type them in as closures.
 */
#include <string.h>

#include "calendar_int.h"
#include "text_int.h"

/* The académies whose calendar is in libmenu/data/calendrier-scolaire.csv.
 * Académie de Lille: Nord and Pas-de-Calais. */
static const struct { const char *dept, *academie; } academies[] = {
	{ "59", "Lille" },
	{ "62", "Lille" },
};

const char *cantine__academie(const char *departement)
{
	size_t i;

	if (!departement)
		return NULL;
	for (i = 0; i < sizeof(academies) / sizeof(academies[0]); i++)
		if (strcmp(departement, academies[i].dept) == 0)
			return academies[i].academie;
	return NULL;
}

/* Easter Sunday of year y (Gregorian calendar), as days since the epoch:
 * the anonymous algorithm published by Meeus (Astronomical Algorithms). */
static int64_t easter(int y)
{
	int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4;
	int f = (b + 8) / 25, g = (b - f + 1) / 3;
	int h = (19 * a + b - d - g + 15) % 30;
	int i = c / 4, k = c % 4;
	int l = (32 + 2 * e + 2 * i - h - k) % 7;
	int m = (a + 11 * h + 22 * l) / 451;
	int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;

	return cantine__days_from_civil(y, month, day);
}

/* Public holidays: Code du travail art. L3133-1; in Moselle, Bas-Rhin and
 * Haut-Rhin also Good Friday and 26 December (art. L3134-13). */
static const char *public_holiday(const char *departement, int y, int m, int d)
{
	static const struct { int m, d; const char *name; } fixed[] = {
		{ 1, 1, "jour férié : jour de l'an" }, { 5, 1, "jour férié : fête du Travail" },
		{ 5, 8, "jour férié : Victoire 1945" }, { 7, 14, "jour férié : fête nationale" },
		{ 8, 15, "jour férié : Assomption" }, { 11, 1, "jour férié : Toussaint" },
		{ 11, 11, "jour férié : Armistice 1918" }, { 12, 25, "jour férié : Noël" },
	};
	static const struct { int offset; const char *name; } moving[] = {
		{ 1, "jour férié : lundi de Pâques" }, { 39, "jour férié : Ascension" }, { 50, "jour férié : lundi de Pentecôte" },
	};
	bool alsace_moselle = departement && (strcmp(departement, "57") == 0 ||
		strcmp(departement, "67") == 0 || strcmp(departement, "68") == 0);
	int64_t day = cantine__days_from_civil(y, m, d), e = easter(y);
	size_t i;

	for (i = 0; i < sizeof(fixed) / sizeof(fixed[0]); i++)
		if (fixed[i].m == m && fixed[i].d == d)
			return fixed[i].name;
	for (i = 0; i < sizeof(moving) / sizeof(moving[0]); i++)
		if (day == e + moving[i].offset)
			return moving[i].name;
	if (alsace_moselle && day == e - 2)
		return "jour férié : Vendredi saint";
	if (alsace_moselle && m == 12 && d == 26)
		return "jour férié : Saint-Étienne";
	return NULL;
}

const char *cantine__day_off(const char *departement, const char *date)
{
	const char *acad = cantine__academie(departement);
	int y, m, d;
	size_t i;

	if (acad)
		for (i = 0; i < cantine__school_holiday_count; i++) {
			const cantine__school_holiday *h = &cantine__school_holidays[i];
			if (strcmp(h->academie, acad) == 0 && strcmp(h->first, date) <= 0 &&
			    strcmp(date, h->last) <= 0)
				return h->reason;
		}
	if (!cantine__date_parse(date, &y, &m, &d))
		return NULL;
	return public_holiday(departement, y, m, d);
}
