/*
 * cantine/pricing.h: tariff grids of the demi-pension (ARCHITECTURE §5,
 * pricing; DOMAIN Part A §4; docs/formats.md "tarifs").
 *
 * A grid belongs to one establishment and one school year ("2026-2027").
 * It holds the ticket price per meal, optional forfaits per term (for 4
 * and for 5 days a week, with the number of meals each covers), the
 * commensal categories with their price per meal, the cost per user
 * (coût de revient par usager, per meal, after every subsidy: Code de
 * l'éducation R. 531-53 caps every price at it), and the social tiers.
 *
 * A social tier maps an income situation (a quotient familial bracket, a
 * revenu fiscal de référence bracket for a number of children, or the
 * bursary mark) either to an aid per meal deducted from the ticket price
 * (Nord style: 0,89, 1,44 or 1,87 €) or to a family price per meal
 * (Pas-de-Calais style: 3,06 € capped, 1,20 € for bursary holders).
 *
 * Money is int64_t cents everywhere.  The price and check functions are
 * pure: they read the grid only, so a caller may fill a cantine_tariff
 * itself (every pointer borrowed) and pass it; a grid loaded from the
 * store comes from cantine_tariff_load and is freed by cantine_tariff_free.
 */
#ifndef CANTINE_PRICING_H
#define CANTINE_PRICING_H

#include "common.h"
#include "report.h"

#ifdef __cplusplus
extern "C" {
#endif

/** What a social tier's bracket is about. */
typedef enum cantine_tier_basis {
	CANTINE_TIER_QF,     /**< quotient familial (CAF), euros */
	CANTINE_TIER_RFR,    /**< revenu fiscal de référence, euros, for a
	                      *   number of children */
	CANTINE_TIER_BOURSE, /**< holder of a collège bursary (no bracket) */
	CANTINE_TIER__MAX
} cantine_tier_basis;

/** Who funds an aid (the difference between the ticket price and what
 *  the family pays). */
typedef enum cantine_funder {
	CANTINE_FUNDER_DEPARTEMENT,   /**< Conseil départemental (R. 531-52) */
	CANTINE_FUNDER_ETAT,          /**< the State through the ASP */
	CANTINE_FUNDER_FONDS_SOCIAL,  /**< fonds social pour les cantines */
	CANTINE_FUNDER_BOURSE,        /**< the national collège bursary */
	CANTINE_FUNDER_COMMUNE,       /**< a commune or EPCI */
	CANTINE_FUNDER_REGION,        /**< the Région */
	CANTINE_FUNDER_ETABLISSEMENT, /**< the collège's own funds */
	CANTINE_FUNDER__MAX
} cantine_funder;

/** Code of a funder as in the CSV ("departement", "etat", …), or NULL. */
CANTINE_API const char *cantine_funder_code(cantine_funder f);
/** French name of a funder ("Département", "État (ASP)", …), or NULL. */
CANTINE_API const char *cantine_funder_name(cantine_funder f);
/** Parse a funder code (any case).  @return it, or -1. */
CANTINE_API int cantine_funder_parse(const char *text);
/** Code of a basis as in the CSV ("qf", "rfr", "bourse"), or NULL. */
CANTINE_API const char *cantine_tier_basis_code(cantine_tier_basis b);
/** Parse a basis code (any case).  @return it, or -1. */
CANTINE_API int cantine_tier_basis_parse(const char *text);

/** A commensal category (staff, passing guest) and its price per meal. */
typedef struct cantine_commensal {
	const char *label;       /**< "Commensal A", "Passager" */
	int64_t     price_cents; /**< per meal */
} cantine_commensal;

/** No upper bound, for cantine_tier.to_cents. */
#define CANTINE_TIER_NO_LIMIT INT64_C(-1)

/**
 * A social tier.  A situation falls in it when it has the same basis,
 * for CANTINE_TIER_RFR the same number of children (see
 * cantine_tariff_price for more children than the grid lists), and an
 * income with from_cents <= income <= to_cents: **both bounds are
 * inclusive**, in cents (QF 0–375 then 375,01–563 as the collèges write
 * them).  Exactly one of aid_cents and family_cents is >= 0.
 */
typedef struct cantine_tier {
	const char        *label;        /**< "Tranche 1", "Boursiers" */
	cantine_tier_basis basis;
	int64_t            from_cents;   /**< lower bound, inclusive (0 for bursary) */
	int64_t            to_cents;     /**< upper bound, inclusive, or
	                                  *   CANTINE_TIER_NO_LIMIT */
	int                children;     /**< RFR: number of children (>= 1); else 0 */
	int64_t            aid_cents;    /**< aid per meal deducted, or -1 */
	int64_t            family_cents; /**< family price per meal, or -1 */
	cantine_funder     funder;       /**< who funds the aid */
} cantine_tier;

/** A tariff grid (a view: every pointer borrowed from whoever made it). */
typedef struct cantine_tariff {
	const char    *uai;            /**< establishment */
	const char    *year;           /**< school year, "2026-2027" */
	int64_t        ticket_cents;   /**< price per meal of a pupil */
	int64_t        forfait4_cents; /**< forfait per term, 4 days a week, or -1 */
	int            meals4;         /**< meals that forfait covers per term (> 0) */
	int64_t        forfait5_cents; /**< forfait per term, 5 days a week, or -1 */
	int            meals5;         /**< meals that forfait covers per term (> 0) */
	int64_t        cost_cents;     /**< cost per user per meal after subsidies */
	int            progressive;    /**< the grid claims to be progressive */
	int            cantine_1e;     /**< the grid claims the "cantine à 1 €" */
	cantine_funder funder;         /**< default funder of the aids */
	const cantine_commensal *commensals;
	size_t         ncommensals;
	const cantine_tier *tiers;
	size_t         ntiers;
	int            remise_days;    /**< minimum number of consecutive days
	                                *   of a justified absence deducted from
	                                *   a forfait (remise d'ordre), 1–60;
	                                *   0: the default, 5 (cantine/billing.h) */
} cantine_tariff;

/** The income situation of a family. */
typedef struct cantine_situation {
	cantine_tier_basis basis;        /**< which bracket it is measured on */
	int64_t            income_cents; /**< QF or RFR in cents; ignored for
	                                  *   CANTINE_TIER_BOURSE */
	int                children;     /**< RFR: number of children (>= 1) */
} cantine_situation;

/** What a family pays per meal. */
typedef struct cantine_price {
	int64_t             ticket_cents; /**< the grid's ticket price */
	int64_t             aid_cents;    /**< ticket − family (0 without tier) */
	int64_t             family_cents; /**< what the family pays per meal */
	const cantine_tier *tier;         /**< the tier applied (borrowed from the
	                                   *   grid), or NULL: the ticket price */
	cantine_funder      funder;       /**< who funds aid_cents */
} cantine_price;

/**
 * Load the grid of establishment `uai` for school year `year`.
 * @param out  set to a new grid; free it with cantine_tariff_free
 * @return 0; CANTINE_ENOTFOUND (no such establishment or no grid for that
 *         year), CANTINE_EINVAL (year not "AAAA-AAAA+1"), or another code,
 *         with the context's message.
 */
CANTINE_API int cantine_tariff_load(cantine_tariff **out, cantine_ctx *ctx,
                                    const char *uai, const char *year);
/** Free a grid from cantine_tariff_load.  Accepts NULL.  Never pass a
 *  grid the caller filled itself. */
CANTINE_API void cantine_tariff_free(cantine_tariff *t);

/** 0 when `year` is a school year "AAAA-BBBB" with BBBB = AAAA + 1
 *  (2000 ≤ AAAA ≤ 9998), else -1. */
CANTINE_API int cantine_school_year_check(const char *year);

/**
 * The tier of `t` that situation `s` falls in (first match in the grid's
 * order; an imported grid has no overlapping tiers).  For
 * CANTINE_TIER_RFR, a family with more children than any RFR tier lists
 * is measured on the tiers of the largest number listed ("10 enfants et
 * plus").  @return the tier (borrowed), or NULL.
 */
CANTINE_API const cantine_tier *cantine_tariff_find_tier(const cantine_tariff *t,
                                                         const cantine_situation *s);

/**
 * What a family in situation `s` pays per meal on ticket: the ticket
 * price, minus the tier's aid (never below 0), or the tier's family
 * price; the ticket price when no tier applies.  Pure integer arithmetic.
 * @return 0, or CANTINE_EINVAL when `s` is malformed (negative income,
 *         RFR with fewer than 1 child, unknown basis).
 */
CANTINE_API int cantine_tariff_price(const cantine_tariff *t,
                                     const cantine_situation *s,
                                     cantine_price *out);

/**
 * Price per meal of a forfait: forfait_cents / meals rounded half up to
 * the cent.  @return it, or -1 when meals <= 0 or forfait_cents < 0.
 */
CANTINE_API int64_t cantine_forfait_per_meal(int64_t forfait_cents, int meals);

/**
 * Check grid `t` (the rules and their ids are in docs/design.md,
 * "Tariff grids"): core.tariff-negative-price, core.tariff-above-cost
 * (R. 531-53), core.tariff-aid-above-price, core.tariff-overlap,
 * core.tariff-progressive (≥ 3 tiers), core.tariff-cantine-1e and the
 * warning core.tariff-cantine-1e-college.
 * @param out  set to a new report (cantine_report_free)
 * @return 0 or CANTINE_ENOMEM (no message: no context).
 */
CANTINE_API int cantine_tariff_check(cantine_report **out, const cantine_tariff *t);

/** Number of distinct family prices per meal the grid gives on ticket:
 *  the tiers' and the ticket price (what the families outside every tier
 *  pay).  This is the "number of tiers" of the progressive and
 *  "cantine à 1 €" rules. */
CANTINE_API size_t cantine_tariff_levels(const cantine_tariff *t);

/**
 * Write `cents` as French euros ("3,10 €", "-0,45 €", "1 234,00 €",
 * thousands grouped by a space) into buf[size].
 * @return 0, or -1 when buf is too small (then buf holds "" if size > 0).
 */
CANTINE_API int cantine_euros_format(char *buf, size_t size, int64_t cents);
/**
 * Parse an amount in euros, "375", "375,5", "375.50" (at most two
 * decimals, no sign, no symbol, at most 100 000 000 €) into cents.
 * @return 0, or -1 when `text` is not such an amount.
 */
CANTINE_API int cantine_euros_parse(const char *text, int64_t *cents);

#ifdef __cplusplus
}
#endif
#endif
