/*
 * fuzz_egalim.c: libFuzzer harness for the egalim plugin's tables
 * (plugins/egalim/thresholds.c, ijml.c): any input gives rows that hold
 * together, or a French message.
 */
#include <stdlib.h>

#include <cantine/common.h>

#include "ijml.h"
#include "thresholds.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	thresholds t;
	char err[300];
	size_t i;
	int rc = thresholds_parse((const char *)data, size, &t, err, sizeof(err));

	if (rc == 0) {
		for (i = 0; i < t.n; i++)
			if (t.at[i].from > t.at[i].to || t.at[i].bio > t.at[i].egalim ||
			    t.at[i].egalim > 100 || t.at[i].meat_fish > 100 ||
			    thresholds_find(&t, NULL, 1999))
				abort();
		thresholds_free(&t);
	} else if (rc != CANTINE_EINVAL || !*err) {
		abort();
	}
	/* The same bytes as an "Ici je mange local" table. */
	{
		ijml_table t2;
		rc = ijml_parse((const char *)data, size, &t2, err, sizeof(err));
		if (rc == 0) {
			for (i = 0; i < t2.n; i++)
				if (t2.at[i].rank > 3 || t2.at[i].local_min > 100 || !*t2.at[i].label)
					abort();
			ijml_free(&t2);
		} else if (rc != CANTINE_EINVAL || !*err) {
			abort();
		}
	}
	return 0;
}
