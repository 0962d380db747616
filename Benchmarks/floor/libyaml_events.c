/*
 * The C floor for notelint's benchmark: what reading and parsing front matter costs at the least.
 *
 *     libyaml_events PATH...
 *
 * Walks folders for *.md and *.markdown (as notelint does, hidden folders skipped), reads each note up to its
 * closing `---` (in 8 KB steps, never the whole body) and runs libyaml's event parser over the front matter.
 * No tree, no checks, one thread. Prints the number of notes, of notes with front matter, of events and of
 * parse errors, so that the work cannot be optimised away and the run can be checked.
 *
 * Built by scripts/benchmark.sh: cc -O2 -o libyaml_events libyaml_events.c -lyaml
 */
#define _GNU_SOURCE /* nftw with FTW_ACTIONRETVAL, to skip hidden folders */
#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <yaml.h>

static long notes, with_front_matter, events, errors;
static unsigned char *buffer;
static size_t capacity;

/* Offset of the line that closes the front matter (`---` or `...`, trailing blanks allowed), or -1. */
static long closing_fence(const unsigned char *text, size_t length, size_t from) {
    size_t line = from;
    while (line < length) {
        const unsigned char *end = memchr(text + line, '\n', length - line);
        if (!end) return -1; /* the line may go on in the next read */
        size_t stop = (size_t)(end - text);
        size_t last = stop;
        if (last > line && text[last - 1] == '\r') last--;
        while (last > line + 3 && (text[last - 1] == ' ' || text[last - 1] == '\t')) last--;
        if (last - line == 3 && (memcmp(text + line, "---", 3) == 0 || memcmp(text + line, "...", 3) == 0))
            return (long)line;
        line = stop + 1;
    }
    return -1;
}

static void parse(const unsigned char *text, size_t length) {
    yaml_parser_t parser;
    yaml_event_t event;
    if (!yaml_parser_initialize(&parser)) {
        errors++;
        return;
    }
    yaml_parser_set_input_string(&parser, text, length);
    for (;;) {
        if (!yaml_parser_parse(&parser, &event)) {
            errors++;
            break;
        }
        events++;
        int done = event.type == YAML_STREAM_END_EVENT;
        yaml_event_delete(&event);
        if (done) break;
    }
    yaml_parser_delete(&parser);
}

static void check(const char *path) {
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        errors++;
        return;
    }
    notes++;
    size_t length = 0, start = 0;
    long fence = -1;
    int at_end = 0;
    for (;;) {
        if (capacity - length < 8192) {
            capacity = capacity ? capacity * 2 : 65536;
            buffer = realloc(buffer, capacity);
            if (!buffer) abort();
        }
        ssize_t got = read(fd, buffer + length, 8192);
        if (got <= 0) at_end = 1; else length += (size_t)got;
        if (start == 0) {
            size_t bom = length >= 3 && memcmp(buffer, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
            if (length - bom < 4 && !at_end) continue;
            if (length - bom < 4 || memcmp(buffer + bom, "---", 3) != 0 ||
                !(buffer[bom + 3] == '\n' || (buffer[bom + 3] == '\r' && length - bom > 4 && buffer[bom + 4] == '\n')))
                break; /* no front matter */
            start = bom + (buffer[bom + 3] == '\r' ? 5 : 4);
        }
        fence = closing_fence(buffer, length, start);
        if (fence >= 0 || at_end) break;
    }
    close(fd);
    if (fence >= 0) {
        with_front_matter++;
        parse(buffer + start, (size_t)fence - start);
    }
}

static int visit(const char *path, const struct stat *info, int type, struct FTW *ftw) {
    (void)info;
    const char *name = path + ftw->base;
    if (type == FTW_D && ftw->level > 0 && name[0] == '.') return FTW_SKIP_SUBTREE;
    if (type != FTW_F) return FTW_CONTINUE;
    size_t n = strlen(name);
    if ((n > 3 && strcmp(name + n - 3, ".md") == 0) || (n > 9 && strcmp(name + n - 9, ".markdown") == 0)) check(path);
    return FTW_CONTINUE;
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: %s PATH...\n", argv[0]);
        return 2;
    }
    for (int i = 1; i < argc; i++)
        if (nftw(argv[i], visit, 64, FTW_PHYS | FTW_ACTIONRETVAL) != 0) {
            perror(argv[i]);
            return 2;
        }
    printf("%ld notes, %ld with front matter, %ld events, %ld parse errors\n", notes, with_front_matter, events, errors);
    free(buffer);
    return 0;
}
