/**
 * Overturn's command line: `npm run cli -- <command> [arguments]`. Each command reads files and
 * prints JSON (`read-denial` reads a letter in memory and writes nothing); none writes to a caseload (`screen --data-dir` reads a caseload's program catalog;
 * `packet` builds in a throwaway caseload and writes only into its `--out` folder).
 */
import { runDeadlines } from './cli/deadlines'
import { runPacket } from './cli/packet'
import { runReadDenial } from './cli/readDenial'
import { runScreen } from './cli/screen'

type Command = { run: (args: string[]) => Promise<number>; help: string }

const COMMANDS: Record<string, Command> = {
  deadlines: { run: runDeadlines, help: 'deadlines <case.json> [--today YYYY-MM-DD] [--time-zone Area/City]   every deadline of a case file (docs/case-file.md)' },
  packet: { run: runPacket, help: 'packet <case.json> --out <dir> [--kind <letterKind>] [--force]   the appeal packet (.docx and exhibits/) of a case file (docs/case-file.md)' },
  'read-denial': { run: runReadDenial, help: 'read-denial <letter.pdf|.tif|.png|.jpg> [--today YYYY-MM-DD]   the fields of a denial letter, read offline, with confidence, checks and source boxes' },
  screen: { run: runScreen, help: 'screen <applicant.json> [--today YYYY-MM-DD] [--data-dir <caseload>]   screening results of an applicant file (docs/applicant-file.md)' },
}

const [name, ...args] = process.argv.slice(2)
const command = name ? COMMANDS[name] : undefined
if (!command) {
  process.stderr.write(`Usage: npm run cli -- <command>\n\nCommands:\n${Object.values(COMMANDS).map((c) => `  ${c.help}`).join('\n')}\n`)
  process.exit(name ? 2 : 0)
}
process.exit(await command.run(args))
