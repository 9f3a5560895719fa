package com.wuye.center;

import com.wuye.center.shared.db.DatabaseCommands;
import java.util.OptionalInt;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.FullyQualifiedAnnotationBeanNameGenerator;

/**
 * The service center. Beans are named by their fully qualified class name, so two areas may each
 * have a use case of the same simple name (e.g. {@code ResidentConfirmation} in repair and in
 * convenience); beans templates call by name ({@code @repairTexts}) name themselves.
 */
@SpringBootApplication(nameGenerator = FullyQualifiedAnnotationBeanNameGenerator.class)
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
