/*
 * cantine/access.h: who may see and do what (ARCHITECTURE §9), the
 * parents' committee's comments on proposed menus, and the single-use
 * tokens that guard the web forms.
 *
 * Authentication is the web server's: it gives a user name (REMOTE_USER).
 * The store maps names to one role each: the comité (parents' committee)
 * or the gestionnaire of one collège, or the staff of one département.
 * A name the store does not know, or no name, is the public.
 *
 * Every write of this module takes the user and a token made for that
 * user, that action and that collège by cantine_token_new(); the token is
 * checked and spent in the same transaction as the write, so that a
 * token used twice, someone else's, or made for another action changes
 * nothing (CANTINE_EDENIED).
 */
#ifndef CANTINE_ACCESS_H
#define CANTINE_ACCESS_H

#include "common.h"
#include "plan.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Roles.  The numbers are stored: never renumbered. */
typedef enum cantine_role {
	CANTINE_ROLE_PUBLIC       = 0, /**< anyone: published menus only */
	CANTINE_ROLE_COMITE       = 1, /**< parents' committee of a collège */
	CANTINE_ROLE_GESTIONNAIRE = 2, /**< gestionnaire of a collège */
	CANTINE_ROLE_DEPARTEMENT  = 3, /**< staff of a département */
	CANTINE_ROLE__MAX
} cantine_role;

/** French name of a role ("public", "comite", "gestionnaire",
 *  "departement"), or NULL. */
CANTINE_API const char *cantine_role_name(cantine_role r);
/** Parse a role name (accents and case ignored: "comité").  @return it,
 *  or -1. */
CANTINE_API int cantine_role_parse(const char *text);

/** What a user may do, checked by cantine_access_may(). */
typedef enum cantine_action {
	CANTINE_ACT_SEE_PROPOSED,  /**< read a collège's proposed menus */
	CANTINE_ACT_COMMENT,       /**< comment on a proposed day */
	CANTINE_ACT_SEE_COMMENTS,  /**< read a collège's comments */
	CANTINE_ACT_HANDLE,        /**< mark a comment handled */
	CANTINE_ACT_PROPOSE,       /**< propose a week (drafts → proposed) */
	CANTINE_ACT_PUBLISH,       /**< publish a week */
	CANTINE_ACT_AUDIT,         /**< read a département's purchase audit
	                            *   (amounts of money) */
	CANTINE_ACT__MAX
} cantine_action;

/**
 * Give `user` the role `role` over `scope`: a collège's UAI for the
 * comité and the gestionnaire, a département code ("59", "2A", "971")
 * for the département.  A user has one role: an existing user is
 * refused.
 * @return 0; CANTINE_EINVAL (empty or too long name, control character,
 *         role PUBLIC, bad scope, user exists); CANTINE_ENOTFOUND
 *         (unknown UAI); CANTINE_ESTORE.
 */
CANTINE_API int cantine_user_add(cantine_ctx *ctx, const char *user,
                                 cantine_role role, const char *scope);

/** Remove `user`.  @return 0, CANTINE_ENOTFOUND, CANTINE_ESTORE. */
CANTINE_API int cantine_user_remove(cantine_ctx *ctx, const char *user);

/** One user (borrowed view). */
typedef struct cantine_user {
	const char  *name;
	cantine_role role;
	const char  *scope; /**< UAI or département code */
	const char  *etab_name; /**< the collège's name, NULL for a département */
} cantine_user;

/** A list of users.  Opaque. */
typedef struct cantine_users cantine_users;

/** Every user, by name.  Freed with cantine_users_free().
 *  @return 0, CANTINE_ESTORE, CANTINE_ENOMEM. */
CANTINE_API int cantine_user_list(cantine_users **out, cantine_ctx *ctx);
/** Number of users. */
CANTINE_API size_t cantine_users_count(const cantine_users *u);
/** The i-th user (borrowed), NULL past the end. */
CANTINE_API const cantine_user *cantine_users_get(const cantine_users *u, size_t i);
/** Free a list.  Accepts NULL. */
CANTINE_API void cantine_users_free(cantine_users *u);

/**
 * The role of `user` (NULL or "" for nobody) and its scope, written to
 * `scope` (UAI or département code; left empty for the public).
 * @return 0 (an unknown user is the public), CANTINE_ESTORE,
 *         CANTINE_ENOMEM.
 */
CANTINE_API int cantine_access_for(cantine_ctx *ctx, const char *user,
                                   cantine_role *role, cantine_buf *scope);

/**
 * May `user` do `action` on `scope`: a collège's UAI, or a département
 * code for CANTINE_ACT_AUDIT?  The comité sees its collège's proposals
 * and comments, and comments; the gestionnaire sees them too, marks
 * comments handled, proposes and publishes; the département audits its
 * département.  Nobody else may do anything of these.
 * @return 1 allowed, 0 refused, or a negative error (CANTINE_ESTORE).
 */
CANTINE_API int cantine_access_may(cantine_ctx *ctx, const char *user,
                                   cantine_action action, const char *scope);

/** Seconds a form token is valid for: two hours. */
#define CANTINE_TOKEN_LIFETIME 7200
/** Length of a token (ASCII letters and digits, no padding). */
#define CANTINE_TOKEN_LEN 100

/**
 * Make a token for `user` to do `action` on collège `uai` once, within
 * CANTINE_TOKEN_LIFETIME seconds: random (getrandom(2)) and signed with
 * the store's key, so that making one writes nothing (a read-only store
 * will do).  Written to `out` (CANTINE_TOKEN_LEN characters).
 * @return 0; CANTINE_EDENIED (the user may not do that there);
 *         CANTINE_EIO (no randomness); CANTINE_ESTORE; CANTINE_ENOMEM.
 */
CANTINE_API int cantine_token_new(cantine_ctx *ctx, const char *user,
                                  cantine_action action, const char *uai,
                                  cantine_buf *out);

/** Most bytes of a comment (UTF-8). */
#define CANTINE_COMMENT_MAX 2000

/**
 * Comment, as `user`, on the meal of collège `uai` on `date`, which must
 * be proposed.  `text`: valid UTF-8, 1 to CANTINE_COMMENT_MAX bytes, not
 * only spaces, no control character but line feeds.  The token is spent
 * and the comment written in one transaction.
 * @param id receives the new comment's id (may be NULL)
 * @return 0; CANTINE_EDENIED (role, or token missing, invalid, expired,
 *         for another user, action or collège, or used: nothing written);
 *         CANTINE_EINVAL (text, date, no proposed meal that day);
 *         CANTINE_ENOTFOUND (UAI); CANTINE_ESTORE.
 */
CANTINE_API int cantine_comment_add(cantine_ctx *ctx, const char *user,
                                    const char *token, const char *uai,
                                    const char *date, const char *text,
                                    int64_t *id);

/**
 * Mark comment `id` of collège `uai` handled by `user` (now).  Handling
 * a handled comment changes nothing and succeeds (the token is spent).
 * @return 0; CANTINE_EDENIED; CANTINE_ENOTFOUND (no such comment for
 *         that collège); CANTINE_ESTORE.
 */
CANTINE_API int cantine_comment_handle(cantine_ctx *ctx, const char *user,
                                       const char *token, const char *uai,
                                       int64_t id);

/**
 * As `user`, propose (CANTINE_STATUS_PROPOSED: the drafts of the week)
 * or publish (CANTINE_STATUS_PUBLISHED: its drafts and proposals) the
 * week (Monday to Sunday) of `date` of collège `uai`; the history keeps
 * `user` as the author.  Token and change in one transaction.
 * @param changed receives the number of meals changed (may be NULL)
 * @return 0; CANTINE_EDENIED; CANTINE_EINVAL (date, status);
 *         CANTINE_ENOTFOUND; CANTINE_ESTORE.
 */
CANTINE_API int cantine_week_set_status(cantine_ctx *ctx, const char *user,
                                        const char *token, const char *uai,
                                        const char *date, cantine_status status,
                                        size_t *changed);

/** A comment (borrowed view). */
typedef struct cantine_comment {
	int64_t     id;
	const char *date;       /**< the meal's day, "YYYY-MM-DD" */
	const char *author;
	const char *text;
	const char *created_at; /**< UTC, "YYYY-MM-DDTHH:MM:SSZ" */
	const char *handled_at; /**< NULL while not handled */
	const char *handled_by; /**< NULL while not handled */
} cantine_comment;

/** A list of comments.  Opaque. */
typedef struct cantine_comments cantine_comments;

/**
 * The comments on the meals of collège `uai` dated `from` to `to`, by
 * date then time written.  No role is checked here: the caller asks
 * cantine_access_may(CANTINE_ACT_SEE_COMMENTS) first.
 * @return 0, CANTINE_EINVAL (dates), CANTINE_ENOTFOUND (UAI),
 *         CANTINE_ESTORE, CANTINE_ENOMEM.
 */
CANTINE_API int cantine_comment_list(cantine_comments **out, cantine_ctx *ctx,
                                     const char *uai, const char *from,
                                     const char *to);
/** Number of comments. */
CANTINE_API size_t cantine_comments_count(const cantine_comments *c);
/** The i-th comment (borrowed), NULL past the end. */
CANTINE_API const cantine_comment *cantine_comments_get(const cantine_comments *c,
                                                        size_t i);
/** Free a list.  Accepts NULL. */
CANTINE_API void cantine_comments_free(cantine_comments *c);

#ifdef __cplusplus
}
#endif
#endif
