#include <stdio.h>
#include <stdlib.h>
#include <readline/readline.h>
#include <readline/history.h>

/* Swift 6 refuses to touch C global variables (they are shared mutable state), so the few readline
   settings sendql needs are set and read through these small functions. */

/* Names the program for ~/.inputrc, leaves signals to the caller, and makes the history file keep
   entries of several lines whole (a timestamp line before each entry marks where it starts). */
static inline void sendql_rl_setup(const char *name) {
    rl_readline_name = name;
    rl_catch_signals = 0;
    history_comment_char = '#';
    history_write_timestamps = 1;
    history_multiline_entries = 1;
}

/* Installs the completion callbacks and the default word-break characters. */
static inline void sendql_rl_set_completion(rl_completion_func_t *attempt, rl_cpvfunc_t *word_breaks,
                                            const char *default_breaks) {
    rl_attempted_completion_function = attempt;
    rl_completion_word_break_hook = word_breaks;
    rl_completer_word_break_characters = default_breaks;
}

/* Stops readline falling back to file names when the completer offered nothing. */
static inline void sendql_rl_completion_over(void) { rl_attempted_completion_over = 1; }

/* No space after the completed word (a function name completed with its '('). */
static inline void sendql_rl_suppress_append(void) { rl_completion_suppress_append = 1; }

/* The character added after a single completed word (a closing quote after a file name). */
static inline void sendql_rl_set_append_character(int character) { rl_completion_append_character = character; }

/* The cursor's byte offset in the line being edited. */
static inline int sendql_rl_point(void) { return rl_point; }

/* The line being edited. */
static inline const char *sendql_rl_line_buffer(void) { return rl_line_buffer; }

/* Writes to the terminal readline draws on, in order with its own output. */
static inline void sendql_rl_write(const char *text) {
    FILE *out = rl_outstream ? rl_outstream : stdout;
    fputs(text, out);
    fflush(out);
}

/* After Ctrl-C: leave the abandoned line on screen followed by ^C, as a shell does, and reset
   readline's state for the next prompt (the way Python's readline module recovers from a signal). */
static inline void sendql_rl_abandon_line(void) {
    FILE *out = rl_outstream ? rl_outstream : stdout;
    rl_point = rl_end;
    rl_redisplay();
    fputs("^C\n", out);
    fflush(out);
    rl_replace_line("", 0);
    rl_free_line_state();
    rl_callback_sigcleanup();
    rl_callback_handler_remove();
}
