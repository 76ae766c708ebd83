"""Is the index fresh? Compare the folder tree with the manifest the index keeps.

An archive is any folder tree holding protokoll.toml files at any depth. Hidden folders
(".git", ".cache" …) are skipped, symlinked folders are not followed (no loops), and a
folder that cannot be listed is a problem, never an exception.

The manifest holds every folder of the archive (relative path, mtime and ctime) and every
minutes file (mtime, ctime, size). Two kinds of check:

- **The folder check** (what a search does): stat each known folder – one system call
  each, no listing, no file – and list (scandir) only the folders whose signature changed,
  comparing the files in them with the manifest. Minutes are replaced atomically (write
  a temporary file, rename it over protokoll.toml: namndtui's own writes, `cp`, `git
  checkout`, most editors), so a new, removed, renamed or replaced file changes its
  folder's mtime. The ctime catches what the mtime does not (chmod, `cp -p`/`rsync -t`
  restoring an old mtime).
- **The full check** also stats every known file in the folders that did not change: it
  catches an editor that writes a protokoll.toml in place (truncate and write: the
  folder's mtime stays). Index.update runs it when asked (`namndtui reindex`, the archive
  screen when it opens) and when the last one is older than FULL_EVERY_NS.

"Racy" entries, as git calls them: a file or folder changed within RACY_NS of the check may
change again within the same clock tick without its signature changing, so it is stored
with a signature that never matches (-1) and looked at again by the next check; a folder
holding a racy file is stored racy too, so that the folder check lists it again.

No pathlib in the loops: relative paths are plain strings with "/", stats go through a
directory descriptor of the archive folder.
"""

from __future__ import annotations

import os
import stat as stat_mod
from collections import namedtuple

from namndtui.errors import os_reason

PROTOKOLL_SUFFIX = "protokoll.toml"
RACY_NS = 2_000_000_000  # changes this recent are checked again next time (clock ticks)
FULL_EVERY_NS = 600 * 1_000_000_000  # a full check (every file) at least this often
UNKNOWN = (-1, -1)  # the signature of a racy entry: never equal to a real one
UNREAD = (-2, -2)  # a folder with entries that could not be looked at (listed again)

Sig = tuple[int, int]  # (mtime_ns, ctime_ns)
FileSigs = dict[str, tuple[Sig, int]]  # rel → (signature, size)


class Found(namedtuple("Found", "rel mtime_ns size ctime_ns", defaults=(0,))):
    """One minutes file: its path relative to the archive (with "/"), mtime, size, ctime
    (collections.namedtuple: `namndtui search` does not import typing)."""

    __slots__ = ()


class Known:
    """What the index knows of the tree (index.py gives it from its tables): the folders
    with their signatures and problems, and the files, asked for a folder at a time (the
    folder check reads no file of a folder that did not change)."""

    def __init__(self, folders: dict[str, tuple[Sig, str | None]]) -> None:
        self.folders = folders

    def files_in(self, folder: str) -> FileSigs:
        """The known files directly in `folder`."""
        raise NotImplementedError

    def files_under(self, folder: str) -> list[str]:
        """The known files anywhere under `folder` (gone with it)."""
        raise NotImplementedError

    def all_files(self) -> FileSigs:
        raise NotImplementedError

    def count(self) -> int:
        """How many files the index knows."""
        raise NotImplementedError


class Plan:
    """What the index must do to equal the folder tree."""

    def __init__(self, folders: dict[str, tuple[Sig, str | None]], *, full: bool) -> None:
        self.files: list[Found] = []  # new or changed files (look at them)
        self.gone_files: list[str] = []
        self.folders: dict[str, tuple[Sig, str | None]] = {}  # rel → new state
        self.gone_folders: list[str] = []
        # listed folder → entries in it that could not be looked at: (rel, reason)
        self.entry_problems: dict[str, list[tuple[str, str]]] = {}
        # Folders listed for nothing: changed only in entries the index does not hold (the
        # index's own files, an editor's hidden ones). Their new state is stored with the
        # next write, not on its own: the archive folder holding the index changes at every
        # search (SQLite's -wal and -shm files come and go).
        self.quiet: dict[str, tuple[Sig, str | None]] = {}
        self.unchanged = 0  # files whose signature is unchanged (or not looked at)
        self.total = 0  # minutes files in the tree
        self.full = full  # every file was looked at (the time is kept: FULL_EVERY_NS)
        self.known_folders = folders  # the manifest checked against (build.py updates it)
        self.repack = False  # the manifest was not read from its packed copy: write one

    @property
    def empty(self) -> bool:
        return not (self.files or self.gone_files or self.folders or self.gone_folders)

    def manifest(self) -> dict[str, tuple[Sig, str | None]]:
        """The folders of the manifest once this plan is applied."""
        folders = dict(self.known_folders)
        for rel in self.gone_folders:
            folders.pop(rel, None)
        folders.update(self.quiet)
        folders.update(self.folders)
        return folders


def is_protokoll_name(name: str) -> bool:
    """protokoll.toml, or a name ending so (as `namndtui PATH` treats it); not hidden."""
    return name.endswith(PROTOKOLL_SUFFIX) and not name.startswith(".")


NOT_UTF8 = "namnet är inte UTF-8-text och hoppas över – byt namn på mappen eller filen"


def _is_utf8(name: str) -> bool:
    """False for a name whose bytes are not UTF-8 (os.scandir gives them as surrogates)."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _shown(rel: str) -> str:
    """`rel` with its undecodable bytes as U+FFFD, so it can be stored and printed."""
    return rel.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def parent_of(rel: str) -> str:
    cut = rel.rfind("/")
    return rel[:cut] if cut >= 0 else ""


def _join(rel: str, name: str) -> str:
    return f"{rel}/{name}" if rel else name


class _Checker:
    def __init__(self, root: str, known: Known, now_ns: int, fd: int, *, full: bool) -> None:
        self.root = root
        self.known = known
        self.known_folders = known.folders
        self.fd = fd
        self.limit = now_ns - RACY_NS
        self.plan = Plan(known.folders, full=full)
        self.listed: set[str] = set()  # folders listed in this check
        self.racy_folders: set[str] = set()  # folders holding a racy file
        self.found = 0  # files seen in listed folders
        self.replaced = 0  # known files of listed folders (seen again or gone)

    def sig(self, st: os.stat_result) -> Sig:
        if st.st_mtime_ns > self.limit or st.st_ctime_ns > self.limit:
            return UNKNOWN
        return (st.st_mtime_ns, st.st_ctime_ns)

    def run(self) -> Plan:
        plan = self.plan
        to_list = self.changed_folders()
        while to_list:
            self.list_folder(to_list.pop(), to_list)
        gone = set()
        for rel in plan.gone_folders:  # their files went with them
            gone.update(self.known.files_under(rel))
        plan.gone_files += sorted(gone)
        if plan.full:
            self.stat_files(self.known.all_files(), gone)
        else:  # the files of the folders not listed are taken as they were
            plan.total = self.known.count() - self.replaced - len(gone)
        plan.total += self.found
        plan.unchanged = plan.total - len(plan.files)
        for rel in self.racy_folders:  # listed again next time, to look at the racy file
            sig, problem = plan.folders.get(rel, self.known_folders.get(rel, (UNKNOWN, None)))
            if sig != UNREAD:  # (listed again anyway, and its problems cleared then)
                plan.folders[rel] = (UNKNOWN, problem)
        plan.files.sort(key=lambda f: f.rel)  # path order: a build goes the same way each time
        return plan

    def changed_folders(self) -> list[str]:
        """Stat every known folder: those whose signature changed are to be listed."""
        plan, fd = self.plan, self.fd
        stat, is_dir = os.stat, stat_mod.S_ISDIR
        to_list: list[str] = []
        gone: set[str] = set()
        if "" not in self.known_folders:
            to_list.append("")
        for rel, (sig, _problem) in self.known_folders.items():  # parents before children
            if gone and parent_of(rel) in gone:
                gone.add(rel)  # reached through a folder that is not one any more (a symlink)
                continue
            try:
                st = stat(rel or ".", dir_fd=fd, follow_symlinks=False)
            except OSError:
                gone.add(rel)
                continue
            if (st.st_mtime_ns, st.st_ctime_ns) == sig and is_dir(st.st_mode):
                continue  # the common case (UNKNOWN never equals a real signature)
            if not is_dir(st.st_mode):
                gone.add(rel)
            else:
                to_list.append(rel)
        plan.gone_folders += sorted(gone)
        return to_list

    def stat_files(self, files: FileSigs, gone: set[str]) -> None:
        """The full check: stat each known file outside the folders listed."""
        plan, fd, listed = self.plan, self.fd, self.listed
        stat, is_reg = os.stat, stat_mod.S_ISREG
        found = 0
        for rel, (sig, size) in files.items():
            if rel in gone or (listed and rel.rpartition("/")[0] in listed):
                continue  # gone with its folder, or looked at in the listing
            try:
                st = stat(rel, dir_fd=fd, follow_symlinks=False)
            except OSError:
                plan.gone_files.append(rel)
                continue
            if not is_reg(st.st_mode):
                plan.gone_files.append(rel)
                continue
            found += 1
            if (st.st_mtime_ns, st.st_ctime_ns) != sig or st.st_size != size:
                self.file_found(rel, st, sig, size)
        self.found += found

    def list_folder(self, rel: str, to_list: list[str]) -> None:
        """List one folder: its minutes files and its folders (new ones are listed too)."""
        plan = self.plan
        try:
            st = os.stat(rel or ".", dir_fd=self.fd, follow_symlinks=False)
        except OSError:
            plan.gone_folders.append(rel)
            return
        sig = self.sig(st)  # taken before listing: a change during the listing shows next time
        known = self.known.files_in(rel)
        self.replaced += len(known)
        before = (len(plan.files), len(to_list))
        try:
            with os.scandir(os.path.join(self.root, rel) if rel else self.root) as it:
                entries = list(it)
        except OSError as err:
            plan.folders[rel] = (sig, f"mappen kan inte läsas: {os_reason(err)}")
            if not plan.full:  # its known files are stat'ed one by one instead
                self.stat_files(known, set())
            return
        self.listed.add(rel)
        plan.folders[rel] = (sig, None)
        problems = plan.entry_problems[rel] = []
        for entry in entries:
            name = entry.name
            if name.startswith("."):
                continue
            sub = _join(rel, name)
            if not name.isascii() and not _is_utf8(name):  # the index holds text only
                shown = _shown(sub)
                problems.append((shown, f"{shown}: {NOT_UTF8}"))
                continue
            try:
                if entry.is_dir(follow_symlinks=False):
                    if sub not in self.known_folders and sub not in self.listed:
                        to_list.append(sub)
                elif is_protokoll_name(name) and entry.is_file(follow_symlinks=False):
                    st_file = entry.stat(follow_symlinks=False)
                    old_sig, old_size = known.pop(sub, (None, -1))
                    self.found += 1
                    self.file_found(sub, st_file, old_sig, old_size)
            except OSError as err:
                problems.append((sub, f"{sub}: filen kan inte läsas: {os_reason(err)}"))
        plan.gone_files += sorted(known)  # known files no longer in the folder
        if problems:  # look again next time: the entry may be readable by then
            plan.folders[rel] = (UNREAD, None)
        old = self.known_folders.get(rel)
        if (
            not known
            and not problems
            and before == (len(plan.files), len(to_list))
            and old is not None
            and old[0] != UNREAD  # its problems are to be cleared
            and old[1] is None
        ):  # changed only in what the index does not hold: a hidden file (the index's own)
            plan.quiet[rel] = plan.folders.pop(rel)
            del plan.entry_problems[rel]

    def file_found(self, rel: str, st: os.stat_result, sig: Sig | None, size: int) -> None:
        if (
            sig is not None
            and sig != UNKNOWN
            and sig == (st.st_mtime_ns, st.st_ctime_ns)
            and (size == st.st_size)
        ):
            return
        now = self.sig(st)
        if now == UNKNOWN:
            self.racy_folders.add(parent_of(rel))
        self.plan.files.append(Found(rel, now[0], st.st_size, now[1]))


def check(root: str, known: Known, now_ns: int, *, full: bool) -> Plan:
    """What changed under `root` since the manifest (`known`) was written: the folder check,
    or with `full` the full check (every known file stat'ed too). An empty manifest lists
    the whole tree. A racy entry gets the UNKNOWN signature."""
    fd = os.open(root, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        return _Checker(root, known, now_ns, fd, full=full).run()
    finally:
        os.close(fd)
