/*
 * fuzz_nutriscore.c: libFuzzer harness for the Nutri-Score module's text
 * parsers (cantine_nutriscore_parse_value, _category_parse) and, on what
 * they accept, the score itself.  The input is lines: a category, then
 * values for energy, sugars, saturates, fat, salt, fibre, protein and the
 * fruit/vegetable share.  A score must land in its grade's range.
 */
#include <stdlib.h>
#include <string.h>

#include <cantine/nutriscore.h>

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	cantine_nutriscore_input in;
	cantine_nutriscore_result out;
	int64_t *fields[] = { &in.energy_kj, &in.sugars, &in.saturates, &in.fat, &in.salt,
			      &in.fibre, &in.protein, &in.fvl };
	char *text = malloc(size + 1), *line, *save = NULL;
	const char *why = NULL;
	int k = -1, c;

	if (!text)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	memset(&in, 0, sizeof(in));
	for (line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		int64_t v = 0;
		if (k < 0) {
			c = cantine_nutriscore_category_parse(line);
			if (c >= CANTINE_NUTRISCORE__MAX)
				abort();
			in.category = c < 0 ? CANTINE_NUTRISCORE_GENERAL
					    : (cantine_nutriscore_category)c;
		} else if (k < 8 && cantine_nutriscore_parse_value(&v, line) == 0) {
			*fields[k] = v;
		}
		k++;
	}
	if (cantine_nutriscore_compute(&out, &in, &why) == 0) {
		if (out.grade < 'A' || out.grade > 'E' ||
		    out.grade != cantine_nutriscore_grade(in.category, out.score) ||
		    out.score != out.negative - out.positive)
			abort();
	} else if (!why || !*why) {
		abort();
	}
	free(text);
	return 0;
}
