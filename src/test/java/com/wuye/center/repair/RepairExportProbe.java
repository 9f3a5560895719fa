package com.wuye.center.repair;

import com.wuye.center.repair.RepairViews.BoardFilter;
import com.wuye.center.repair.internal.BoardReads;
import com.wuye.center.shared.ExcelExport;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The board export's production path (the cursor query of {@link BoardReads#export}, the rows of
 * {@link RepairExport#write}, the streaming {@link ExcelExport}) run in a JVM of its own, started
 * by the test with {@code -Xmx256m}: if the export held the rows or the workbook in memory, this
 * process would die of OutOfMemoryError and the test would fail. Arguments: JDBC URL, user,
 * password, community id, output file, max rows.
 */
public final class RepairExportProbe {

  private RepairExportProbe() {}

  public static void main(String[] args) throws Exception {
    var ds = new SingleConnectionDataSource(args[0], args[1], args[2], true);
    var reads = new BoardReads(JdbcClient.create(ds), ds);
    var messages = new ResourceBundleMessageSource();
    messages.setBasenames("messages", "i18n/repair");
    messages.setDefaultEncoding("UTF-8");
    messages.setFallbackToSystemLocale(false);
    var labels =
        new RepairExport.Labels() {
          @Override
          public String message(String key) {
            return messages.getMessage(key, null, key, Locale.CHINA);
          }

          @Override
          public String category(String code) {
            return code;
          }
        };
    var filter = new BoardFilter(Long.valueOf(args[3]), null, null, null, null, null, null, null);
    int max = Integer.parseInt(args[5]);
    List<String> headers = RepairExport.HEADERS.stream().map(labels::message).toList();
    var tx = new TransactionTemplate(new DataSourceTransactionManager(ds));
    tx.setReadOnly(true);
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(Path.of(args[4])))) {
      int rows =
          tx.execute(
              s -> {
                try (var sheet = new ExcelExport(out, "报修", headers, max, "truncated")) {
                  RepairExport.write(reads, filter, max, labels, sheet);
                  return sheet.rows();
                }
              });
      var heap = java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
      System.out.println("rows=" + rows + " maxHeap=" + heap.getMax());
    }
    ds.destroy();
  }
}
