/*
 * billing_render.c: the term bills as text (totals per establishment and
 * funder, or one bill in detail) and as CSV (one row per bill,
 * docs/formats.md "factures"); cantine_billing_write() dispatches.
 */
#include <stdio.h>
#include <string.h>

#include "billing_int.h"
#include "text_int.h"

const char *cantine__regime_name(cantine_regime r)
{
	static const char *const names[CANTINE_REGIME__MAX] = {
		"demi-pension 4 jours", "demi-pension 5 jours", "au ticket", "externe",
	};
	return (unsigned)r < CANTINE_REGIME__MAX ? names[r] : "";
}

const char *cantine__bill_absence_note(const cantine_bill *x, char *note, size_t n)
{
	snprintf(note, n, "%d jour%s d'absence facturé%s : absence non justifiée, "
		 "ou de moins de %d jours d'école consécutifs", x->absent_charged,
		 x->absent_charged > 1 ? "s" : "", x->absent_charged > 1 ? "s" : "",
		 x->remise_days);
	return note;
}

const char *const cantine__term_names[3] = {
	"septembre–décembre", "janvier–mars", "avril–juin",
};

static const char *eur(int64_t cents, char out[32])
{
	cantine_euros_format(out, 32, cents);
	return out;
}

/* "  label ……… amount\n" */
static int line(cantine_buf *b, const char *label, int64_t cents)
{
	char a[32];
	int rc;

	if ((rc = cantine__buf_puts(b, "  ")) || (rc = cantine__pad(b, label, 60, false)) ||
	    (rc = cantine__pad(b, eur(cents, a), 16, true)))
		return rc;
	return cantine__buf_put(b, "\n", 1);
}

static int totals_text(cantine_buf *b, const cantine_bill_totals *t)
{
	char l[96];
	int rc = 0, f;

	if ((rc = line(b, "Forfaits et repas du trimestre", t->gross_cents)) ||
	    (rc = line(b, "Déductions (remises d'ordre, jours non servis)",
		       -t->deducted_cents)) ||
	    (rc = line(b, "Facturé", t->charged_cents)) ||
	    (rc = line(b, "  à la charge des familles", t->family_cents)))
		return rc;
	for (f = 0; f < CANTINE_FUNDER__MAX && rc == 0; f++)
		if (t->aid_cents[f]) {
			snprintf(l, sizeof(l), "  aides : %s", cantine_funder_name((cantine_funder)f));
			rc = line(b, l, t->aid_cents[f]);
		}
	return rc;
}

static int write_totals(const cantine_billing *bl, cantine_buf *b)
{
	char n1[32], n2[32];
	size_t i;
	int rc = 0;

	for (i = 0; i < bl->ne && rc == 0; i++) {
		const cantine_bill_totals *t = &bl->etabs[i].pub;
		cantine__group(n1, t->bills);
		cantine__group(n2, (uint64_t)t->meals);
		rc = cantine__buf_printf(b, "\n%s (%s) : %s facture%s, %s repas facturé%s ; "
			"remise d'ordre dès %d jours d'école consécutifs d'absence justifiée\n",
			t->name, t->uai, n1, t->bills > 1 ? "s" : "", n2, t->meals > 1 ? "s" : "",
			t->remise_days);
		if (rc == 0)
			rc = totals_text(b, t);
	}
	if (rc == 0 && bl->ne > 1) {
		cantine__group(n1, bl->total.bills);
		cantine__group(n2, (uint64_t)bl->total.meals);
		rc = cantine__buf_printf(b, "\nEnsemble des %zu établissements : %s factures, "
					 "%s repas facturés\n", bl->ne, n1, n2);
		if (rc == 0)
			rc = totals_text(b, &bl->total);
	}
	if (rc == 0 && bl->ne == 0)
		rc = cantine__buf_puts(b, "\nAucun élève inscrit pendant ce trimestre.\n");
	return rc;
}

/* What one bill says, line by line: the text and the HTML statement. */
int cantine__bill_lines(const cantine_bill *x, cantine__bill_line_fn fn, void *ud)
{
	char l[160];
	int k, rc = 0;

	if (x->term_days) {
		snprintf(l, sizeof(l), x->by_forfait ? "Forfait du trimestre (%d jours)"
			 : "Repas du trimestre au prix du ticket (%d jours)", x->term_days);
		rc = fn(ud, l, x->term_cents, false);
	}
	for (k = CANTINE_BILL_REMISE; k <= CANTINE_BILL_UNREGISTERED && rc == 0; k++)
		if (x->days[k]) {
			snprintf(l, sizeof(l), "Déduction : %s, %d jour%s",
				 cantine_bill_day_label(k), x->days[k], x->days[k] > 1 ? "s" : "");
			rc = fn(ud, l, -x->deducted_cents[k], false);
		}
	if (rc == 0 && x->days[CANTINE_BILL_TICKET]) {
		snprintf(l, sizeof(l), "Repas au ticket, %d repas", x->days[CANTINE_BILL_TICKET]);
		rc = fn(ud, l, x->tickets_cents, false);
	}
	if (rc == 0)
		rc = fn(ud, "Facturé", x->charged_cents, true);
	if (rc == 0 && x->aid_cents) {
		snprintf(l, sizeof(l), "Aide : %s (%s)", cantine_funder_name(x->funder),
			 x->tier ? x->tier : "");
		rc = fn(ud, l, -x->aid_cents, false);
	}
	return rc ? rc : fn(ud, "Reste à payer par la famille", x->family_cents, true);
}

static int text_line(void *ud, const char *label, int64_t cents, bool total)
{
	(void)total;
	return line(ud, label, cents);
}

static int bill_text(cantine_buf *b, const cantine_bill *x)
{
	char note[200];
	int rc = cantine__buf_printf(b, "\nÉlève %s%s%s, %s, %s (%s)\n", x->pupil,
				     x->class_name[0] ? ", classe " : "", x->class_name,
				     cantine__regime_name(x->regime), x->etab_name, x->uai);

	if (rc == 0)
		rc = cantine__bill_lines(x, text_line, b);
	if (rc == 0 && x->absent_charged)
		rc = cantine__buf_printf(b, "  %s\n", cantine__bill_absence_note(x, note, sizeof(note)));
	return rc;
}

static int write_text(const cantine_billing *bl, cantine_buf *b)
{
	int rc = cantine__buf_printf(b, "Facturation du trimestre %d (%s) de l'année scolaire "
				     "%s, du %s au %s\n", bl->term, cantine__term_names[bl->term - 1],
				     bl->year, bl->first, bl->last);

	if (rc == 0 && bl->one_pupil && bl->n == 1)
		return bill_text(b, &bl->bills[0].pub);
	return rc ? rc : write_totals(bl, b);
}

/* ---- CSV ---- */

static const char csv_header[] =
	"uai,eleve,classe,regime,mode,tranche,financeur,jours_trimestre,jours_factures,"
	"jours_remise,jours_fermeture,jours_classe_absente,jours_hors_inscription,"
	"repas_ticket,absences_facturees,brut,deduit_remise,deduit_fermeture,"
	"deduit_classe_absente,deduit_hors_inscription,facture,aide,famille\n";

static int csv_row(cantine_buf *b, const cantine_bill *x)
{
	const char *text[7] = {
		x->uai, x->pupil, x->class_name, cantine_regime_code(x->regime),
		x->term_days ? (x->by_forfait ? "forfait" : "repas") : "ticket",
		x->tier ? x->tier : "", x->aid_cents ? cantine_funder_code(x->funder) : "",
	};
	int64_t money[8] = {
		x->gross_cents, x->deducted_cents[CANTINE_BILL_REMISE],
		x->deducted_cents[CANTINE_BILL_CLOSED], x->deducted_cents[CANTINE_BILL_CLASS_AWAY],
		x->deducted_cents[CANTINE_BILL_UNREGISTERED], x->charged_cents, x->aid_cents,
		x->family_cents,
	};
	char v[32];
	int i, rc = 0;

	for (i = 0; i < 7 && rc == 0; i++)
		if (!(rc = i ? cantine__buf_put(b, ",", 1) : 0))
			rc = cantine__csv_field(b, text[i]);
	if (rc == 0)
		rc = cantine__buf_printf(b, ",%d,%d,%d,%d,%d,%d,%d,%d", x->term_days,
					 x->days[CANTINE_BILL_CHARGED],
					 x->days[CANTINE_BILL_REMISE],
					 x->days[CANTINE_BILL_CLOSED],
					 x->days[CANTINE_BILL_CLASS_AWAY],
					 x->days[CANTINE_BILL_UNREGISTERED],
					 x->days[CANTINE_BILL_TICKET], x->absent_charged);
	for (i = 0; i < 8 && rc == 0; i++) {
		cantine__decimal(v, money[i]);
		rc = cantine__buf_printf(b, ",%s", v);
	}
	return rc ? rc : cantine__buf_put(b, "\n", 1);
}

static int write_csv(const cantine_billing *bl, cantine_buf *b)
{
	size_t i;
	int rc = cantine__buf_puts(b, csv_header);

	for (i = 0; i < bl->n && rc == 0; i++)
		rc = csv_row(b, &bl->bills[i].pub);
	return rc;
}

int cantine_bill_format_parse(const char *name)
{
	if (!name)
		return -1;
	if (strcmp(name, "texte") == 0 || strcmp(name, "text") == 0)
		return CANTINE_BILL_TEXT;
	if (strcmp(name, "csv") == 0)
		return CANTINE_BILL_CSV;
	if (strcmp(name, "html") == 0)
		return CANTINE_BILL_HTML;
	return -1;
}

int cantine_billing_write(const cantine_billing *b, cantine_bill_format format,
			  cantine_buf *out)
{
	int rc;

	if (!b || !out)
		return CANTINE_EINVAL;
	switch (format) {
	case CANTINE_BILL_TEXT: rc = write_text(b, out); break;
	case CANTINE_BILL_CSV:  rc = write_csv(b, out); break;
	case CANTINE_BILL_HTML:
		if (!b->kept && b->n)
			return CANTINE_EINVAL;
		rc = cantine__billing_html(b, out);
		break;
	default:
		return CANTINE_EINVAL;
	}
	return rc ? CANTINE_ENOMEM : 0;
}
