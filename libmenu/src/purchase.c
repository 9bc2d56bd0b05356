/*
 * purchase.c: purchases (cantine/purchase.h): ma-cantine's codes.
 */
#include "common_int.h"

/* DOMAIN Part B §1.2, in the order of cantine_characteristic. */
static const char *const codes[CANTINE_CHAR__MAX] = {
	"BIO", "CONVERSION_BIO", "LABEL_ROUGE", "AOCAOP", "IGP", "STG", "HVE",
	"PECHE_DURABLE", "RUP", "FERMIER", "COMMERCE_EQUITABLE", "EXTERNALITES",
	"PERFORMANCE", "EQUIVALENTS", "FRANCE", "EUROPE", "CIRCUIT_COURT", "LOCAL",
};

const char *cantine_characteristic_code(cantine_characteristic c)
{
	return (unsigned)c < CANTINE_CHAR__MAX ? codes[c] : NULL;
}
