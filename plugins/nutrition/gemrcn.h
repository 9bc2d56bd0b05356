/*
 * gemrcn.h: the GEMRCN frequency rules of the nutrition plugin
 * (DOMAIN §1.3, §1.4, §1.7): the rules table (gemrcn.csv), the classes of
 * a dish, and the check of every window of 20 meals served.
 */
#ifndef CANTINE_GEMRCN_H
#define CANTINE_GEMRCN_H

#include <stddef.h>
#include <stdint.h>

#include <cantine/plugin.h>

/* Which windows a rule applies to. */
typedef enum gemrcn_grid {
	GEMRCN_STANDARD,   /* every window */
	GEMRCN_TRIGGER,    /* counts the vegetarian meals of a window */
	GEMRCN_VEGETARIAN, /* windows where the trigger reaches its minimum */
} gemrcn_grid;

#define GEMRCN_MAX_RULES 64
#define GEMRCN_NONE (-1)

typedef struct gemrcn_rule {
	char       *id;       /* "gemrcn-c2": the finding's rule is "nutrition." id */
	char       *tag;      /* the class counted: "poisson" */
	unsigned    courses;  /* bits 1u << cantine_course */
	int         min, max; /* GEMRCN_NONE when absent */
	gemrcn_grid grid;
	char       *label;    /* French */
	char       *source;
} gemrcn_rule;

typedef struct gemrcn_rules {
	gemrcn_rule *at;
	size_t       n;
	int          trigger; /* index of the GEMRCN_TRIGGER rule, or -1 */
} gemrcn_rules;

/*
 * Parse the rules table (UTF-8, ';'-separated, header line first; see
 * gemrcn.csv).  On failure returns CANTINE_EINVAL (or CANTINE_ENOMEM) and
 * writes a French message naming the line and column into err.
 */
int gemrcn_rules_parse(const char *bytes, size_t size, gemrcn_rules *out,
		       char *err, size_t errsz);
void gemrcn_rules_free(gemrcn_rules *r);

/* The classes of one dish: bit i set when the dish counts for rule i. */
typedef uint64_t gemrcn_classes;

/*
 * The classes of `d`: its tags given by hand (the rules' class names and
 * their synonyms, e.g. "legumineuses" for "feculent"), plus what its
 * composition shows (gemrcn_derive()), minus the classes a tag
 * "non_<class>" removes (and "potage", which is never a crudité).
 */
gemrcn_classes gemrcn_classify(const gemrcn_rules *r, const cantine_host_dish *d);

/*
 * Check the meals (in date order) against the rules; report through the
 * host.  A meal counts towards a minimum when every choice of one of the
 * rule's courses has the class (every pupil gets it), towards a maximum
 * when any choice has it (some pupil may take it).
 */
int gemrcn_check(const gemrcn_rules *r, const cantine_host *h, const char *uai,
		 const char *from, const char *to, const cantine_meal *meals,
		 size_t n);

#endif
