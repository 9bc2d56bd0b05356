/*
 * changes.h: the changes made to a published meal after its publication,
 * shown on the week page (docs/cgi.md, "Changes after publication").
 */
#ifndef CANTINE_CGI_CHANGES_H
#define CANTINE_CGI_CHANGES_H

#include <libxml/tree.h>

#include <cantine/cantine.h>

/* Append to `sec` one <p class="modifie"> each time the meal dated `date`
 * was published (again) with other dishes than the ones last published,
 * from the history `h` (NULL: nothing), oldest first: the day (local
 * time), the dishes removed and added, and the reason given.  Never who
 * made the change. */
void changes_list(xmlNodePtr sec, const cantine_history *h, const char *date);

#endif
