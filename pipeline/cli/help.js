// Every command's help text, in plain JavaScript: `wendu help <command>` and `wendu <command>
// --help` are answered from here before TypeScript support (tsx) or any pipeline module loads.
// Keep each text in step with its command's options (the help tests run every command's --help).

/** @type {Readonly<{ build: string, lint: string, verify: string, waive: string, keys: string, merge: string }>} */
export const HELP_TEXTS = Object.freeze({
  build: `Usage: wendu build [options]

Renders one week of briefs for every branch into out/<week>/: public/ (the portal, branch pages,
bundles, the public key — what branches may see) and review/ (report, lint.json, lint.sarif,
audit.jsonl, plan.json, thumbnails — reviewers only).

Options:
  --week 2026-W48     the ISO week to build (default: the newest week in <content>/weeks/)
  --content DIR       the content folder (default: content)
  --out DIR           the output folder (default: out)
  --branch ID         build only this branch; repeat for several (default: all)
  --shard I/N         build only shard I of N (1 ≤ I ≤ N): a stable subset of the branches, by a
                      hash of each branch id, so a branch always lands in the same shard; combine
                      the shards' out folders with \`wendu merge\`
  --concurrency N     render on N worker threads (default: the number of cores)
  --cache DIR         the render cache (default: <out>/.cache): unchanged assets are not drawn again
  --no-cache          draw every asset and write every branch's files again (the cache is
                      still refreshed)
  --strict            exit 1 when any asset is rejected by compliance
  --policy FILE       the bank's policy (default: <content>/policy.yaml when present)
  --signing-key FILE  head office's private key (from \`wendu keys init\`): signs every bundle's
                      manifest; default: the file named by WENDU_SIGNING_KEY; without one the
                      bundles are unsigned and \`wendu verify\` says so
  -h, --help          show this help

Exit codes:
  0  every brief loaded and rendered (rejected assets are a normal outcome; the summary names them)
  1  a brief could not be loaded or rendered (or, with --strict, an asset was rejected)
  2  usage or configuration error (bad option, missing content folder, invalid branches.yaml,
     unreadable signing key, another build running on the same out/<week>)
`,
  lint: `Usage: wendu lint [options] PATH…
       wendu lint [options] --stdin [--stdin-filename NAME]    (or: … -)

Checks briefs (.md), text files (.txt), folders of them or standard input
against the compliance rules that ship with Wendu (pipeline/lint/rules/),
without rendering.

Options:
  -f, --format FORMAT     text (default): path:line:col: severity message
                            [rule], the suggestion, a summary line
                          stylish: ESLint's stylish layout
                          json: [{ file, messages: [{ ruleId, severity,
                            line, column, endLine, endColumn, message,
                            excerpt }] }], one entry a file
                          eslint: ESLint's LintResult JSON (for ESLint
                            formatters and CI annotators)
                          sarif: SARIF 2.1.0 for code-scanning tools
                          html: a page listing the files with findings
      --fix               mask client details (138****5678, 张*, a card's
                          first 6 and last 4) and write 业绩比较基准 for
                          预期收益率 where safe; files are rewritten
                          atomically (not with --stdin)
      --stdin, -          lint standard input instead of files
      --stdin-filename F  the name standard input is reported under; a .md
                          name is read as a brief, and the content folder
                          is looked for from its folder
      --max-warnings N    exit 1 when more than N warnings remain unwaived
      --quiet             report errors only
  -o, --output-file FILE  write the report to FILE, not standard output
      --policy FILE       the bank's policy (default: policy.yaml in the
                          content folder)
      --ignore-path FILE  the ignore file, gitignore syntax (default:
                          .wenduignore in the working folder)
      --no-ignore         lint the files the ignore file names too
  -h, --help              show this help

Personas' names, branch phones and the bank hotline come from the nearest
content folder (branches.yaml, personas/) and are never reported as client
details; the waivers of its approvals.yaml show as waived.

Exit codes: 0 no error remains; 1 errors remain, or more warnings than
--max-warnings; 2 usage or configuration error.
`,
  verify: `Usage: wendu verify --trust PUBKEY [--allow-unsigned] BUNDLE.zip…

Checks a branch bundle against its manifest (every file's size and SHA-256, no file added or
missing, no duplicate entry) and the manifest against head office's Ed25519 signature, made by a
key you trust (the signing-key.pub head office publishes beside the portal).

Options:
  --trust PUBKEY      a trusted public key (PEM); repeat for several
  --allow-unsigned    accept an intact bundle that carries no signature (exit 0 instead of 1)
  -h, --help          show this help

Exit codes:
  0  intact and signed by a trusted key
  1  a file was altered, added or removed, a duplicate entry, a bad or untrusted signature,
     or (without --allow-unsigned) no signature
  2  usage error (no bundle named, file or key not readable)
`,
  waive: `Usage: wendu waive BRIEF RULE --reason TEXT --reviewer NAME [options]

Records a reviewer's waiver of one warning in approvals.yaml. BRIEF is a
brief file (content/weeks/2026-W48/jinjiang/tue-first-salary.md) or its id
(jinjiang/tue-first-salary: the newest week that has it); RULE is a rule id
(safety-words). The brief is linted as it is now, and the waiver binds to
the exact text the warning is in: editing that text revives the finding.

Options:
      --reason TEXT    why the warning is acceptable here (required)
      --reviewer NAME  who waives it, e.g. 王审核（合规部） (required)
      --date DATE      YYYY-MM-DD (default: today, China time)
      --content DIR    the content folder (default: content)
      --policy FILE    the bank's policy (default: <content>/policy.yaml)
  -h, --help           show this help

Errors can never be waived, client details (pii-*) above all: fix the text.
Only the brief's own texts are linted here; a warning that only a caption
or an image string carries is waived from a build's report.

Exit codes: 0 waiver written (or already there); 1 nothing to waive, or the
finding may not be waived; 2 usage or configuration error.
`,
  keys: `Usage: wendu keys init [--dir DIR] [--if-missing] [--out OUTDIR]

Makes head office's Ed25519 signing key pair:
  DIR/wendu-signing.key   the private key (mode 0600): pass it to \`wendu build --signing-key\`
                          or name it in WENDU_SIGNING_KEY; keep it off shared drives
  DIR/wendu-signing.pub   the public key: what \`wendu verify --trust\` checks against

Options:
  --dir DIR       where to write the pair (default: ~/.wendu/keys)
  --if-missing    do nothing (exit 0) when a key pair is already there
  --out OUTDIR    the build output folder the key must stay out of (default: out)

Refuses to overwrite a key, to write inside the output folder, and to write inside a git
repository unless the folder is git-ignored.

Exit codes: 0 written (or kept with --if-missing), 1 refused, 2 usage error
`,
  merge: `Usage: wendu merge [options] SHARD_OUT…

Combines the out folders of a sharded build (\`wendu build --shard I/N --out SHARD_OUT\`, one per
shard) into one: the portal, the report, lint.json, lint.sarif, plan.json and the audit log of
the whole week, as one unsharded build would have written them.

Options:
  --week 2026-W48   the week to merge (default: the only week the shards hold)
  --out DIR         where to write out/<week>/ (default: out); use an empty folder
  -h, --help        show this help

Exit codes:
  0  merged
  1  a shard is missing or incomplete (every shard of N must be given once)
  2  usage error
`,
});
