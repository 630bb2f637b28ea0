import * as vscode from 'vscode';

export const TASK_TYPE = 'isdeck';

interface IsdeckTaskDefinition extends vscode.TaskDefinition {
  command: 'lint' | 'export';
  files?: string[];
  args?: string[];
}

/**
 * Tasks that run the `isdeck` command line (the project's own, through npx) with the `$isdeck`
 * problem matcher, so `isdeck lint` output lands in the Problems panel.
 */
export class IsdeckTaskProvider implements vscode.TaskProvider {
  provideTasks(): vscode.Task[] {
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder) return [];
    return [this.build({ type: TASK_TYPE, command: 'lint' }, folder)];
  }

  resolveTask(task: vscode.Task): vscode.Task | undefined {
    const definition = task.definition as IsdeckTaskDefinition;
    if (definition.type !== TASK_TYPE || (definition.command !== 'lint' && definition.command !== 'export')) return undefined;
    const scope = task.scope && typeof task.scope === 'object' ? task.scope : vscode.workspace.workspaceFolders?.[0];
    return scope ? this.build(definition, scope) : undefined;
  }

  private build(definition: IsdeckTaskDefinition, folder: vscode.WorkspaceFolder): vscode.Task {
    const files = definition.files?.length ? definition.files : ['.'];
    const args = [definition.command, ...files, ...(definition.args ?? [])];
    const task = new vscode.Task(
      definition,
      folder,
      definition.command === 'lint' ? 'lint decks' : 'export decks',
      'isdeck',
      new vscode.ShellExecution('npx', ['--no-install', 'isdeck', ...args], { cwd: folder.uri.fsPath }),
      definition.command === 'lint' ? ['$isdeck'] : [],
    );
    if (definition.command === 'lint') task.group = vscode.TaskGroup.Test;
    task.presentationOptions = { reveal: vscode.TaskRevealKind.Silent };
    return task;
  }
}
