package io.rackscope.desktop.ui.site;

import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.telemetry.HealthSnapshot;
import io.rackscope.desktop.topology.Room;
import io.rackscope.desktop.topology.Site;
import io.rackscope.desktop.ui.AppContext;
import io.rackscope.desktop.ui.Place;
import io.rackscope.desktop.ui.PlaceView;
import io.rackscope.desktop.ui.RackTally;
import io.rackscope.desktop.ui.Severities;
import io.rackscope.desktop.ui.Subscriptions;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;

/**
 * A site: one card per room with its state, its racks as a strip of small coloured cells, and
 * counts.
 */
public final class SiteView implements PlaceView {
    private final AppContext ctx;
    private final Site site;
    private final BorderPane root = new BorderPane();
    private final FlowPane cards = new FlowPane(14, 14);
    private final Subscriptions subscriptions = new Subscriptions();

    public SiteView(AppContext ctx, Site site) {
        this.ctx = ctx;
        this.site = site;
        root.getStyleClass().add("content");
        Label title = new Label(site.name());
        title.getStyleClass().add("title");
        Label where =
                new Label(
                        site.location() == null
                                ? site.description()
                                : (site.location().address().isEmpty()
                                                ? ""
                                                : site.location().address() + " · ")
                                        + String.format(
                                                Locale.ROOT,
                                                "%.3f, %.3f",
                                                site.location().lat(),
                                                site.location().lon()));
        where.getStyleClass().add("muted");
        HBox header = new HBox(12, title, where);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(0, 0, 12, 0));
        root.setTop(header);
        ScrollPane scroll = new ScrollPane(cards);
        scroll.setFitToWidth(true);
        root.setCenter(scroll);
        subscriptions.onChange(ctx.feed().snapshotProperty(), (o, a, s) -> refresh(s));
        refresh(ctx.feed().current());
    }

    private void refresh(HealthSnapshot s) {
        cards.getChildren().clear();
        for (Room room : site.rooms()) {
            cards.getChildren().add(card(s, room));
        }
    }

    private Node card(HealthSnapshot s, Room room) {
        Severity sev = s.rooms().getOrDefault(room.key(), Severity.UNKNOWN);
        Region stripe = Severities.styled(new Region(), sev, "sev-fill", "sev-stripe");
        Label name = new Label(room.name());
        name.getStyleClass().add("subtitle");
        Label badge = Severities.styled(new Label(sev.name()), sev, "sev-badge");
        HBox head = new HBox(8, name, badge);
        head.setAlignment(Pos.CENTER_LEFT);
        TilePane racks = new TilePane(3, 3);
        racks.setPrefColumns(12);
        room.racks()
                .forEach(
                        r -> {
                            Region cell =
                                    Severities.styled(new Region(), s.rack(r.id()), "sev-fill");
                            cell.setPrefSize(14, 18);
                            racks.getChildren().add(cell);
                        });
        Label facts =
                new Label(
                        room.aisles().size()
                                + " aisles · "
                                + room.racks().count()
                                + " racks  —  "
                                + RackTally.of(s, room.racks()));
        facts.getStyleClass().add("muted");
        facts.setWrapText(true);
        VBox card = new VBox(8, stripe, head, facts, racks);
        card.setId("room-" + room.key().replace('/', '_'));
        card.getStyleClass().add("card");
        card.setPrefWidth(360);
        card.setOnMouseClicked(e -> ctx.navigation().go(Place.of(Place.Kind.ROOM, room.key())));
        return card;
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void dispose() {
        subscriptions.dispose();
    }
}
