package dev.steward.cli.commands;

import dev.steward.cli.ExitCodes;
import dev.steward.cli.Steward;
import dev.steward.worker.systemd.Systemd;
import dev.steward.worker.systemd.UnitInstaller;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code steward uninstall}: stops and removes what {@code steward install} set up. */
@Command(
    name = "uninstall",
    description = "Stop, disable and remove Steward's units (lingering is left as it is).")
public final class UninstallCommand implements Callable<Integer> {
  @ParentCommand Steward steward;

  @Mixin UnitScopeOptions scope;

  @Override
  public Integer call() {
    new UnitInstaller(new Systemd(), scope.scope(), scope.unitDir())
        .uninstall()
        .forEach(steward.out()::println);
    steward.out().flush();
    return ExitCodes.OK;
  }
}
