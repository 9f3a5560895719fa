package com.wuye.center;

import com.wuye.center.shared.db.DatabaseCommands;
import java.util.OptionalInt;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class Application {
  public static void main(String[] args) {
    // --backup=FILE / --restore=FILE of the embedded database run without starting the app
    OptionalInt command = DatabaseCommands.run(args);
    if (command.isPresent()) {
      System.exit(command.getAsInt());
    }
    SpringApplication.run(Application.class, args);
  }
}
